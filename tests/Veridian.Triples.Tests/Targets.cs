using Veridian.Triples;

namespace Veridian.Triples.Tests;

/// <summary>Theory data over the database.</summary>
public static class Targets
{
    /// <summary>Every target's canonical triple.</summary>
    public static TheoryData<string> All => new(TargetDatabase.All.Select(t => t.Canonical));

    /// <summary>One kernel and one user target per architecture.</summary>
    public static TheoryData<string> KernelAndUserPerArch => new(TargetDatabase.All.Where(t => t.Os == Os.Veridian).Select(t => t.Canonical));

    public static TargetInfo Get(string canonical) => TargetDatabase.Resolve(canonical);
}
