using System.CommandLine;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian sysroot build</c>: relibc-cs and its start files installed as a target's sysroot (sysroot/README.md).</summary>
internal sealed class SysrootCommand : Command
{
    public SysrootCommand()
        : base("sysroot", "Build the C library sysroot of a relibc target (<sysroot>/<triple>/{include,lib}); cc builds it on demand too.")
    {
        Subcommands.Add(new SysrootBuildCommand());
        Subcommands.Add(new SysrootPackageCommand());
    }
}
