// mandelbrot (Computer Language Benchmarks Game), in C# subset v1: a checksum of the bitmap instead of a PBM.
using System;

static class Program
{
    static int Main()
    {
        const int n = 4000;
        ulong sum = 0;
        for (int y = 0; y < n; y++)
        {
            double ci = 2.0 * y / n - 1.0;
            int bits = 0, bit = 0;
            for (int x = 0; x < n; x++)
            {
                double cr = 2.0 * x / n - 1.5, zr = 0, zi = 0, tr = 0, ti = 0;
                int i = 0;
                for (; i < 50 && tr + ti <= 4.0; i++)
                {
                    zi = 2.0 * zr * zi + ci;
                    zr = tr - ti + cr;
                    tr = zr * zr;
                    ti = zi * zi;
                }
                bits = (bits << 1) | (tr + ti <= 4.0 ? 1 : 0);
                if (++bit == 8) { sum = sum * 31 + (ulong)bits; bits = 0; bit = 0; }
            }
            if (bit != 0) sum = sum * 31 + (ulong)(bits << (8 - bit));
        }
        Out.Str("mandelbrot "u8); Out.UInt(sum); Out.Line();
        return 0;
    }
}
