namespace Veridian.CsSoak;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014; the seeding generator of xoshiro): the generator's only source of
/// randomness, spelled out here so that a seed means the same program forever (System.Random's algorithm
/// is not part of its contract).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n) (Lemire's multiply-shift; the tiny bias for huge n does not matter here).</summary>
    public int Below(int n)
    {
        if (n <= 0)
            throw new ArgumentOutOfRangeException(nameof(n), n, "must be positive");
        return (int)(((Next() >> 32) * (ulong)n) >> 32);
    }

    /// <summary>Uniform in [lo, hi].</summary>
    public int Range(int lo, int hi) => lo + Below(hi - lo + 1);

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Chance(int percent) => Below(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>An index into <paramref name="weights"/>, each chosen in proportion to its weight (zero weights never).</summary>
    public int Weighted(ReadOnlySpan<int> weights)
    {
        int total = 0;
        foreach (var w in weights) total += w;
        int r = Below(total);
        for (int i = 0; i < weights.Length; i++)
        {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        throw new InvalidOperationException("unreachable");
    }
}
