using System.CommandLine;
using Veridian.Cli.Console;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Runner;

namespace Veridian.Cli.Commands;

/// <summary><c>veridian boot-module &lt;folder&gt; -o &lt;file.cpio&gt;</c>: packs a folder as the kernel's boot module (docs/boot-image.md).</summary>
internal sealed class BootModuleCommand : Command
{
    private readonly Argument<string> _folder = new("folder") { Description = "The folder whose tree becomes the boot module (/init at its top)." };

    private readonly Option<string> _output = new("--output", "-o") { Description = "The cpio (newc) archive to write.", Required = true };

    public BootModuleCommand()
        : base("boot-module", "Pack a folder as a kernel boot module: a deterministic cpio newc archive (`veridian run --boot-module` takes either).")
    {
        Arguments.Add(_folder);
        Options.Add(_output);
        SetAction(parse =>
        {
            var terminal = Terminal.From(parse);
            var bytes = BootModule.FromFolder(parse.GetValue(_folder)!);
            var output = parse.GetValue(_output)!;
            AtomicFile.Write(output, bytes, Durability.Flush);
            terminal.Out.WriteLine($"wrote {output}: {bytes.Length} bytes");
            return ExitCodes.Ok;
        });
    }
}
