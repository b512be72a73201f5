using System.Runtime.InteropServices;
using Relibc.Header.Pthread;

namespace Relibc.Header.Stdlib;

/// <summary>
/// Pseudo-random numbers, the same sequences as glibc's (a program's output does not depend on the libc it links):
/// rand/random are the additive feedback generator of degree 31 (glibc's TYPE_3, seeded by a Park–Miller sequence
/// and 310 discarded values; RAND_MAX 2^31-1), rand_r glibc's three-step LCG, and the drand48 family the 48-bit LCG
/// POSIX defines (https://pubs.opengroup.org/onlinepubs/9699919799/functions/drand48.html). rand and random are
/// thread-safe (one lock).
/// </summary>
public static unsafe class Random
{
    private const int Degree = 31, Separation = 3;
    private static Table s_state;
    private static int s_front = Separation, s_rear, s_seeded, s_lock;

    private struct Table
    {
        public fixed int Words[Degree];
    }

    private static ushort s_x0 = 0x330E, s_x1 = 0xABCD, s_x2 = 0x1234;
    private static ulong s_a = 0x5DEECE66D;
    private static ushort s_c = 0xB;
    private static SeedBuffer s_previous;

    private struct SeedBuffer
    {
        public fixed ushort Words[3];
    }

    private static void Seed(uint seed)
    {
        if (seed == 0)
            seed = 1;
        s_state.Words[0] = (int)seed;
        long word = (int)seed;
        for (var i = 1; i < Degree; i++)
        {
            var hi = word / 127773;
            var lo = word % 127773;
            word = 16807 * lo - 2836 * hi;
            if (word < 0)
                word += 2147483647;
            s_state.Words[i] = (int)word;
        }
        s_front = Separation;
        s_rear = 0;
        s_seeded = 1;
        for (var i = 0; i < Degree * 10; i++)
            Next();
    }

    private static int Next()
    {
        var value = (uint)s_state.Words[s_front] + (uint)s_state.Words[s_rear];
        s_state.Words[s_front] = (int)value;
        var result = (int)(value >> 1);
        if (++s_front >= Degree)
        {
            s_front = 0;
            ++s_rear;
        }
        else if (++s_rear >= Degree)
            s_rear = 0;
        return result;
    }

    private static int Locked()
    {
        fixed (int* l = &s_lock)
        {
            Lock.Acquire(l);
            if (s_seeded == 0)
                Seed(1);
            var r = Next();
            Lock.Release(l);
            return r;
        }
    }

    private static void LockedSeed(uint seed)
    {
        fixed (int* l = &s_lock)
        {
            Lock.Acquire(l);
            Seed(seed);
            Lock.Release(l);
        }
    }

    /// <summary>rand — C17 7.22.2.1</summary>
    [UnmanagedCallersOnly(EntryPoint = "rand")]
    public static int Rand() => Locked();

    /// <summary>srand — C17 7.22.2.2</summary>
    [UnmanagedCallersOnly(EntryPoint = "srand")]
    public static void SRand(uint seed) => LockedSeed(seed);

    /// <summary>random — https://pubs.opengroup.org/onlinepubs/9699919799/functions/random.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "random")]
    public static long RandomExport() => Locked();

    /// <summary>srandom — https://pubs.opengroup.org/onlinepubs/9699919799/functions/srandom.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "srandom")]
    public static void SRandom(uint seed) => LockedSeed(seed);

    /// <summary>rand_r — https://pubs.opengroup.org/onlinepubs/9699919799/functions/rand_r.html (glibc's: three LCG steps, 31 bits).</summary>
    [UnmanagedCallersOnly(EntryPoint = "rand_r")]
    public static int RandR(uint* seed)
    {
        var next = *seed;
        next = next * 1103515245 + 12345;
        var result = (next / 65536) % 2048;
        next = next * 1103515245 + 12345;
        result = (result << 10) ^ ((next / 65536) % 1024);
        next = next * 1103515245 + 12345;
        result = (result << 10) ^ ((next / 65536) % 1024);
        *seed = next;
        return (int)result;
    }

    /// <summary>One step of the 48-bit LCG on <paramref name="x"/> (three 16-bit words, low first): the new 48-bit value.</summary>
    private static ulong Step(ushort* x)
    {
        var v = ((ulong)x[2] << 32) | ((ulong)x[1] << 16) | x[0];
        v = (v * s_a + s_c) & 0xFFFF_FFFF_FFFF;
        x[0] = (ushort)v;
        x[1] = (ushort)(v >> 16);
        x[2] = (ushort)(v >> 32);
        return v;
    }

    private static ulong StepGlobal()
    {
        var x = stackalloc ushort[3];
        x[0] = s_x0;
        x[1] = s_x1;
        x[2] = s_x2;
        var v = Step(x);
        s_x0 = x[0];
        s_x1 = x[1];
        s_x2 = x[2];
        return v;
    }

    [UnmanagedCallersOnly(EntryPoint = "drand48")]
    public static double DRand48() => (double)StepGlobal() / 281474976710656.0;

    [UnmanagedCallersOnly(EntryPoint = "erand48")]
    public static double ERand48(ushort* x) => (double)Step(x) / 281474976710656.0;

    [UnmanagedCallersOnly(EntryPoint = "lrand48")]
    public static long LRand48() => (long)(StepGlobal() >> 17);

    [UnmanagedCallersOnly(EntryPoint = "nrand48")]
    public static long NRand48(ushort* x) => (long)(Step(x) >> 17);

    [UnmanagedCallersOnly(EntryPoint = "mrand48")]
    public static long MRand48() => (int)(uint)(StepGlobal() >> 16);

    [UnmanagedCallersOnly(EntryPoint = "jrand48")]
    public static long JRand48(ushort* x) => (int)(uint)(Step(x) >> 16);

    /// <summary>srand48 — https://pubs.opengroup.org/onlinepubs/9699919799/functions/srand48.html (also resets the multiplier and addend).</summary>
    [UnmanagedCallersOnly(EntryPoint = "srand48")]
    public static void SRand48(long seed)
    {
        s_x0 = 0x330E;
        s_x1 = (ushort)seed;
        s_x2 = (ushort)(seed >> 16);
        s_a = 0x5DEECE66D;
        s_c = 0xB;
    }

    /// <summary>seed48 — the previous state in a static buffer.</summary>
    [UnmanagedCallersOnly(EntryPoint = "seed48")]
    public static ushort* Seed48(ushort* seed)
    {
        s_previous.Words[0] = s_x0;
        s_previous.Words[1] = s_x1;
        s_previous.Words[2] = s_x2;
        s_x0 = seed[0];
        s_x1 = seed[1];
        s_x2 = seed[2];
        s_a = 0x5DEECE66D;
        s_c = 0xB;
        fixed (ushort* p = s_previous.Words)
            return p;
    }

    /// <summary>lcong48 — the state, the multiplier (param[3..5]) and the addend (param[6]).</summary>
    [UnmanagedCallersOnly(EntryPoint = "lcong48")]
    public static void LCong48(ushort* param)
    {
        s_x0 = param[0];
        s_x1 = param[1];
        s_x2 = param[2];
        s_a = ((ulong)param[5] << 32) | ((ulong)param[4] << 16) | param[3];
        s_c = param[6];
    }
}
