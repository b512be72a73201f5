using System.Numerics;

namespace Veridian.Pkg.Resolve;

/// <summary>An immutable set of indices into one package's domain (its candidate list): the resolver's version sets.</summary>
internal readonly struct VersionSet : IEquatable<VersionSet>
{
    private readonly ulong[] _bits;

    private VersionSet(ulong[] bits) => _bits = bits;

    public static VersionSet Empty(int size) => new(new ulong[(size + 63) / 64]);

    public static VersionSet Full(int size)
    {
        var b = new ulong[(size + 63) / 64];
        for (var i = 0; i < size; i++)
            b[i / 64] |= 1UL << (i % 64);
        return new VersionSet(b);
    }

    public static VersionSet Of(int size, IEnumerable<int> indices)
    {
        var b = new ulong[(size + 63) / 64];
        foreach (var i in indices)
            b[i / 64] |= 1UL << (i % 64);
        return new VersionSet(b);
    }

    public bool Contains(int i) => (_bits[i / 64] & (1UL << (i % 64))) != 0;

    public bool IsEmpty => _bits.All(w => w == 0);

    public int Count => _bits.Sum(w => BitOperations.PopCount(w));

    public IEnumerable<int> Indices()
    {
        for (var w = 0; w < _bits.Length; w++)
        {
            var word = _bits[w];
            while (word != 0)
            {
                var t = BitOperations.TrailingZeroCount(word);
                yield return w * 64 + t;
                word &= word - 1;
            }
        }
    }

    public VersionSet And(VersionSet o) => Zip(o, (a, b) => a & b);
    public VersionSet Or(VersionSet o) => Zip(o, (a, b) => a | b);
    public VersionSet Minus(VersionSet o) => Zip(o, (a, b) => a & ~b);

    private VersionSet Zip(VersionSet o, Func<ulong, ulong, ulong> f)
    {
        var r = new ulong[_bits.Length];
        for (var i = 0; i < r.Length; i++)
            r[i] = f(_bits[i], o._bits[i]);
        return new VersionSet(r);
    }

    public bool Equals(VersionSet o) => _bits.AsSpan().SequenceEqual(o._bits);

    public override bool Equals(object? obj) => obj is VersionSet v && Equals(v);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var w in _bits)
            h.Add(w);
        return h.ToHashCode();
    }
}

/// <summary>
/// A PubGrub term: "<c>package</c> is selected at a version in <c>Set</c>" (positive) or "is not selected at a version in
/// <c>Set</c>, or not selected at all" (negative).
/// </summary>
internal readonly record struct Term(int Package, bool Positive, VersionSet Set)
{
    public Term Negate() => this with { Positive = !Positive };

    public Term Intersect(Term o) => (Positive, o.Positive) switch
    {
        (true, true) => new Term(Package, true, Set.And(o.Set)),
        (true, false) => new Term(Package, true, Set.Minus(o.Set)),
        (false, true) => new Term(Package, true, o.Set.Minus(Set)),
        (false, false) => new Term(Package, false, Set.Or(o.Set)),
    };

    public bool IsEmpty => Positive && Set.IsEmpty;

    /// <summary>Every solution of this term is one of <paramref name="o"/>.</summary>
    public bool Satisfies(Term o) => Intersect(o) == this;

    public bool Contradicts(Term o) => Intersect(o).IsEmpty;

    public bool Equals(Term o) => Package == o.Package && Positive == o.Positive && Set.Equals(o.Set);

    public override int GetHashCode() => HashCode.Combine(Package, Positive, Set);
}
