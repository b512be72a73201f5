using Veridian.Diagnostics;
using Veridian.Triples;

namespace Veridian.Build.Targets;

/// <summary>Resolves a triple written in a project or on the command line through the target database.</summary>
public static class BuildTargets
{
    /// <summary>The canonical names of every target.</summary>
    public static IReadOnlyList<string> All => TargetDatabase.All.Select(t => t.Canonical).ToList();

    /// <summary>The canonical names of the kernel targets.</summary>
    public static IReadOnlyList<string> Kernels => TargetDatabase.All.Where(t => t.IsKernel).Select(t => t.Canonical).ToList();

    /// <summary>Resolves <paramref name="triple"/> (aliases allowed), or throws VDN1106 at <paramref name="location"/>.</summary>
    public static BuildTarget Resolve(string triple, SourceLocation? location = null)
    {
        if (!TargetDatabase.TryResolve(triple, out var info, out var bag))
        {
            var why = bag.Count > 0 ? bag[0].Message : "unknown";
            throw DiagnosticException.Error(BuildCodes.UnknownTarget, $"unknown target '{triple}': {why}", location,
                $"targets are: {string.Join(", ", All)} (veridian targets list)");
        }
        return new BuildTarget
        {
            Info = info,
            KernelLinkerScript = info.IsKernel ? Veridian.Toolchain.KernelLinkerScript.For(info) : null,
        };
    }
}
