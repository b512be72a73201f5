using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using Veridian.Cli.Console;
using Veridian.Host;
using Veridian.Llvm;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian --version</c>: the SDK's version and the clang, lld and libLLVM it found.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var terminal = Terminal.From(parseResult);
        terminal.Out.WriteLine($"veridian {SdkVersion}");
        var wanted = new[] { "clang", "lld", "libLLVM" };
        var found = new string?[wanted.Length];
        Parallel.For(0, wanted.Length, i =>
        {
            var c = HostComponents.Get(wanted[i]);
            found[i] = !File.Exists(c.Path) ? null
                : c.Kind == HostComponentKind.Llvm ? LlvmLibrary.TryGetVersion(c.Path)
                : HostProbe.ToolVersion(c.Path);
        });
        for (var i = 0; i < wanted.Length; i++)
            terminal.Out.WriteLine($"{wanted[i],-8} {found[i] ?? "not found (run ./veridian doctor)"}");
        return 0;
    }

    /// <summary>The SDK version (assembly informational version without the source-revision suffix).</summary>
    public static string SdkVersion
    {
        get
        {
            var v = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = v.IndexOf('+');
            return plus < 0 ? v : v[..plus];
        }
    }
}
