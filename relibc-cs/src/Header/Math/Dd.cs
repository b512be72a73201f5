namespace Relibc.Header.Math;

/// <summary>
/// A double-double: the unevaluated sum Hi + Lo with |Lo| ≤ ulp(Hi)/2, about 106 bits. The elementary functions
/// carry their reduced arguments and intermediate results in it, so that the one rounding that matters is the last
/// (Dekker 1971; the operations are the usual error-free ones of <see cref="Bits"/>). Valid in round-to-nearest.
/// </summary>
public struct Dd
{
    public double Hi;
    public double Lo;

    public Dd(double hi, double lo)
    {
        Hi = hi;
        Lo = lo;
    }

    public static Dd Of(double hi, double lo)
    {
        var s = Bits.FastTwoSum(hi, lo, out var e);
        return new Dd(s, e);
    }

    public double Value => Hi + Lo;

    public static Dd Add(Dd a, Dd b)
    {
        var s = Bits.TwoSum(a.Hi, b.Hi, out var e);
        e += a.Lo + b.Lo;
        return Of(s, e);
    }

    public static Dd Add(Dd a, double b)
    {
        var s = Bits.TwoSum(a.Hi, b, out var e);
        return Of(s, e + a.Lo);
    }

    public static Dd Neg(Dd a) => new(-a.Hi, -a.Lo);

    public static Dd Sub(Dd a, Dd b) => Add(a, Neg(b));

    public static Dd Mul(Dd a, Dd b)
    {
        var p = Bits.TwoProd(a.Hi, b.Hi, out var e);
        e += a.Hi * b.Lo + a.Lo * b.Hi;
        return Of(p, e);
    }

    public static Dd Mul(Dd a, double b)
    {
        var p = Bits.TwoProd(a.Hi, b, out var e);
        return Of(p, e + a.Lo * b);
    }

    public static Dd Mul(double a, double b)
    {
        var p = Bits.TwoProd(a, b, out var e);
        return new Dd(p, e);
    }

    public static Dd Div(Dd a, Dd b)
    {
        var q = a.Hi / b.Hi;
        // a − q·b exactly enough: q·b.Hi by TwoProd, the rest in double.
        var p = Bits.TwoProd(q, b.Hi, out var pe);
        var r = ((a.Hi - p) - pe + a.Lo - q * b.Lo) / b.Hi;
        return Of(q, r);
    }

    public static Dd Div(Dd a, double b) => Div(a, new Dd(b, 0.0));

    public static Dd Sqrt(Dd a)
    {
        if (a.Hi <= 0.0)
            return new Dd(System.Math.Sqrt(a.Hi), 0.0);
        var s = System.Math.Sqrt(a.Hi);
        var p = Bits.TwoProd(s, s, out var pe);
        return Of(s, ((a.Hi - p) - pe + a.Lo) / (2.0 * s));
    }

    /// <summary>2^n × a, exact (n small enough that nothing over- or underflows).</summary>
    public static Dd Scale(Dd a, int n)
    {
        var f = Bits.Pow2(n);
        return new Dd(a.Hi * f, a.Lo * f);
    }
}
