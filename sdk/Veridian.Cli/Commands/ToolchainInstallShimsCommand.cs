using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Toolchain;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian toolchain install-shims DIR</c>: writes <c>&lt;triple&gt;-cc/-c++/-ar/-ld/-ranlib</c> scripts for every target.</summary>
internal sealed class ToolchainInstallShimsCommand : Command
{
    private readonly Argument<DirectoryInfo> _dir = new("directory") { Description = "Where to write the entry points (put it on PATH)." };
    private readonly Option<bool> _json = GlobalOptions.Json();

    public ToolchainInstallShimsCommand()
        : base("install-shims", "Write target-prefixed entry points (x86_64-veridian-kernel-none-cc, ...-c++, -ar, -ld, -ranlib) into a directory, so CC=<one word> works.")
    {
        Arguments.Add(_dir);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var terminal = Terminal.From(parse);
        var dir = parse.GetValue(_dir)!;
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var written = Shims.Install(dir.FullName, exe);
        if (parse.GetValue(_json))
            terminal.WriteJson(written);
        else
            terminal.Out.WriteLine($"{written.Count} entry points in {dir.FullName}; add it to PATH, e.g. export PATH=\"{dir.FullName}:$PATH\"");
        return 0;
    }
}
