using Veridian.Diagnostics;
using Veridian.Host;
using Veridian.Triples;

namespace Veridian.Toolchain.Driver;

/// <summary>
/// <c>veridian ld --target=T ...</c> (and the <c>&lt;triple&gt;-ld</c> entry points): ld.lld-19 with the target's
/// defaults in front of the user's ld arguments: <c>--build-id=sha1 -z max-page-size=N</c>, and on VeridianOS targets
/// <c>-static</c> plus, for kernels without a <c>-T</c>, the kernel linker script.
/// </summary>
public static class LdDriver
{
    /// <summary>Runs ld.lld-19; returns its exit code.</summary>
    public static int Run(IReadOnlyList<string> rawArgs, TextWriter err, string? defaultTarget = null)
    {
        var args = new List<string>();
        string? targetText = defaultTarget;
        var verbose = false;
        foreach (var a in ResponseFiles.Expand(rawArgs))
        {
            if (a.StartsWith("--target=", StringComparison.Ordinal))
                targetText = a["--target=".Length..];
            else
            {
                verbose |= a is "-v" or "--verbose";
                args.Add(a);
            }
        }
        if (string.IsNullOrEmpty(targetText))
            throw DiagnosticException.Error(ToolchainCodes.BadDriverArgument, "no target: pass --target=<triple>",
                hint: "or use a prefixed linker such as x86_64-veridian-kernel-none-ld");
        var target = TargetDatabase.Resolve(targetText);
        var command = new List<string> { HostProbe.RequireTool("lld"), "--build-id=sha1", "-z", $"max-page-size={target.PageSize}" };
        string? scriptDir = null;
        if (target.Os == Os.Veridian)
        {
            command.Add("-static");
            if (target.IsKernel && !args.Any(a => a is "-T" or "--script" || a.StartsWith("-T", StringComparison.Ordinal) || a.StartsWith("--script", StringComparison.Ordinal)))
            {
                scriptDir = Directory.CreateTempSubdirectory("veridian-ld-").FullName;
                command.AddRange(["-T", KernelLinkerScript.Write(target, Path.Combine(scriptDir, "kernel.ld"))]);
            }
        }
        command.AddRange(args);
        try
        {
            if (verbose)
                err.WriteLine(" " + HostTools.Format(command));
            return HostTools.RunAttached(command);
        }
        finally
        {
            if (scriptDir is not null)
                Directory.Delete(scriptDir, recursive: true);
        }
    }
}
