using Veridian.Tests;
using Veridian.Triples;

namespace Veridian.Runner.Tests;

/// <summary>The samples copied to a temporary folder, so tests never write into the checkout and never share outputs.</summary>
internal static class Samples
{
    public static readonly string[] Kernels =
        ["x86_64-veridian-kernel-none", "aarch64-veridian-kernel-none", "riscv64-veridian-kernel-none"];

    /// <summary>Copies samples/baremetal-c and samples/baremetal-cpp under <paramref name="root"/>/samples.</summary>
    public static string CopyTo(string root)
    {
        var samples = Path.Combine(root, "samples");
        TempDir.CopyTree(Repo.PathOf("samples", "baremetal-c"), Path.Combine(samples, "baremetal-c"));
        TempDir.CopyTree(Repo.PathOf("samples", "baremetal-cpp"), Path.Combine(samples, "baremetal-cpp"));
        return samples;
    }

    /// <summary>Runs <paramref name="work"/> for every item on all cores and returns the failures' messages.</summary>
    public static IReadOnlyList<string> Failures<T>(IEnumerable<T> items, Func<T, string?> work)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, item =>
        {
            try
            {
                if (work(item) is { } failure)
                    failures.Add(failure);
            }
            catch (Exception e)
            {
                failures.Add($"{item}: {e.GetType().Name}: {e.Message}");
            }
        });
        return failures.Order(StringComparer.Ordinal).ToList();
    }

    public static TargetInfo Target(string triple) => TargetDatabase.Resolve(triple);
}
