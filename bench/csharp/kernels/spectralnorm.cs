// spectral-norm (Computer Language Benchmarks Game), in C# subset v1.
using System;

static class Program
{
    static double A(int i, int j) => 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);

    static void MulAv(Span<double> v, Span<double> av)
    {
        for (int i = 0; i < av.Length; i++)
        {
            double s = 0;
            for (int j = 0; j < v.Length; j++) s += A(i, j) * v[j];
            av[i] = s;
        }
    }

    static void MulAtv(Span<double> v, Span<double> atv)
    {
        for (int i = 0; i < atv.Length; i++)
        {
            double s = 0;
            for (int j = 0; j < v.Length; j++) s += A(j, i) * v[j];
            atv[i] = s;
        }
    }

    static void MulAtAv(Span<double> v, Span<double> tmp, Span<double> atav) { MulAv(v, tmp); MulAtv(tmp, atav); }

    static int Main()
    {
        const int n = 3000;
        Span<double> u = stackalloc double[n];
        Span<double> v = stackalloc double[n];
        Span<double> tmp = stackalloc double[n];
        u.Fill(1);
        for (int i = 0; i < 10; i++) { MulAtAv(u, tmp, v); MulAtAv(v, tmp, u); }
        double vBv = 0, vv = 0;
        for (int i = 0; i < n; i++) { vBv += u[i] * v[i]; vv += v[i] * v[i]; }
        Out.Str("spectralnorm "u8); Out.Fixed(Math.Sqrt(vBv / vv), 9); Out.Line();
        return 0;
    }
}
