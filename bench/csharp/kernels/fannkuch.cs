// fannkuch-redux (Computer Language Benchmarks Game), in C# subset v1.
using System;

static class Program
{
    static int Main()
    {
        const int n = 10;
        Span<int> perm = stackalloc int[n];
        Span<int> perm1 = stackalloc int[n];
        Span<int> count = stackalloc int[n];
        for (int i = 0; i < n; i++) perm1[i] = i;
        int maxFlips = 0, checksum = 0, permCount = 0, r = n;
        while (true)
        {
            while (r != 1) { count[r - 1] = r; r--; }
            for (int i = 0; i < n; i++) perm[i] = perm1[i];
            int flips = 0, k;
            while ((k = perm[0]) != 0)
            {
                int k2 = (k + 1) >> 1;
                for (int i = 0; i < k2; i++) { int t = perm[i]; perm[i] = perm[k - i]; perm[k - i] = t; }
                flips++;
            }
            if (flips > maxFlips) maxFlips = flips;
            checksum += (permCount & 1) == 0 ? flips : -flips;
            while (true)
            {
                if (r == n)
                {
                    Out.Str("fannkuch "u8); Out.Int(checksum); Out.Str(" "u8); Out.Int(maxFlips); Out.Line();
                    return 0;
                }
                int perm0 = perm1[0];
                for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
                perm1[r] = perm0;
                count[r]--;
                if (count[r] > 0) break;
                r++;
            }
            permCount++;
        }
    }
}
