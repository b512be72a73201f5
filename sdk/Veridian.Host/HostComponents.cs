using System.Reflection;
using System.Runtime.InteropServices;

namespace Veridian.Host;

/// <summary>
/// The host components the SDK needs, read from <c>scripts/host-packages.txt</c> (embedded at build time),
/// the same list <c>scripts/bootstrap-host</c> installs from.
/// </summary>
public static class HostComponents
{
    private static readonly Lazy<IReadOnlyList<HostComponent>> s_all = new(Load);

    /// <summary>Every component, in file order.</summary>
    public static IReadOnlyList<HostComponent> All => s_all.Value;

    /// <summary>The component called <paramref name="name"/> (e.g. <c>clang</c>, <c>lld</c>).</summary>
    public static HostComponent Get(string name) =>
        All.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"no host component '{name}' in host-packages.txt", nameof(name));

    /// <summary>The host's multiarch tuple, as Debian spells it in library paths.</summary>
    public static string Multiarch => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "x86_64-linux-gnu",
        Architecture.Arm64 => "aarch64-linux-gnu",
        Architecture.RiscV64 => "riscv64-linux-gnu",
        var other => throw new PlatformNotSupportedException($"host architecture {other} is not supported"),
    };

    /// <summary>Parses the component list; public so tests can check the file itself.</summary>
    public static IReadOnlyList<HostComponent> Parse(string text)
    {
        var result = new List<HostComponent>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cols = line.Split('|', StringSplitOptions.TrimEntries);
            if (cols.Length != 6)
                throw new FormatException($"host-packages.txt:{lineNumber}: expected 6 columns separated by '|', found {cols.Length}");
            var set = cols[2] switch
            {
                "run" => HostPackageSet.Run,
                "test" => HostPackageSet.Test,
                var k => throw new FormatException($"host-packages.txt:{lineNumber}: unknown set '{k}' (run or test)"),
            };
            var kind = cols[3] switch
            {
                "tool" => HostComponentKind.Tool,
                "llvm" => HostComponentKind.Llvm,
                "file" => HostComponentKind.File,
                var k => throw new FormatException($"host-packages.txt:{lineNumber}: unknown kind '{k}' (tool, llvm or file)"),
            };
            result.Add(new HostComponent(cols[0], cols[1], set, kind, cols[4].Replace("{multiarch}", Multiarch), cols[5]));
        }
        return result;
    }

    private static IReadOnlyList<HostComponent> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("host-packages.txt")
            ?? throw new InvalidOperationException("host-packages.txt is not embedded in Veridian.Host");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
