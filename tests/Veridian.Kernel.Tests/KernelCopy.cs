using Veridian.Tests;

namespace Veridian.Kernel.Tests;

/// <summary>A copy of kernel/ (sources only) in a temporary folder, so builds never write into the checkout.</summary>
public sealed class KernelCopy : IDisposable
{
    private readonly TempDir _dir = new();

    public KernelCopy() => TempDir.CopyTree(Repo.PathOf("kernel"), Project);

    /// <summary>The copied project folder.</summary>
    public string Project => Path.Combine(_dir.Path, "kernel");

    /// <summary>The kernel's three targets.</summary>
    public static readonly string[] Names = ["x86_64-veridian-kernel-none", "aarch64-veridian-kernel-none", "riscv64-veridian-kernel-none"];

    public static TheoryData<string> Triples => new(Names);

    public void Dispose() => _dir.Dispose();
}
