// The tiny print API the corpus uses. It compiles against both the Veridian core library and the real
// .NET BCL, and writes through libc's write(2) in both worlds, so outputs can be compared byte for byte.
using System;
using System.Runtime.InteropServices;

static unsafe class Out
{
    [DllImport("libc.so.6", EntryPoint = "write")]
    private static extern nint Write(int fd, byte* buffer, nint length);

    public static void Str(ReadOnlySpan<byte> text)
    {
        fixed (byte* p = text) Write(1, p, text.Length);
    }

    public static void Text(string s)
    {
        byte* b = stackalloc byte[s.Length];
        for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
        Write(1, b, s.Length);
    }

    public static void Int(long v)
    {
        if (v < 0) { Str("-"u8); UInt(v == long.MinValue ? 9223372036854775808UL : (ulong)(-v)); }
        else UInt((ulong)v);
    }

    public static void UInt(ulong v)
    {
        byte* buf = stackalloc byte[20];
        int i = 20;
        do { buf[--i] = (byte)('0' + (int)(v % 10)); v /= 10; } while (v != 0);
        Write(1, buf + i, 20 - i);
    }

    /// <summary>Fixed-point with <paramref name="decimals"/> digits, rounding half away from zero.</summary>
    public static void Fixed(double d, int decimals)
    {
        if (d < 0) { Str("-"u8); d = -d; }
        double scale = 1;
        for (int i = 0; i < decimals; i++) scale *= 10;
        ulong n = (ulong)(d * scale + 0.5);
        ulong ipart = n / (ulong)scale, frac = n % (ulong)scale;
        UInt(ipart);
        if (decimals > 0)
        {
            Str("."u8);
            byte* buf = stackalloc byte[decimals];
            for (int i = decimals - 1; i >= 0; i--) { buf[i] = (byte)('0' + (int)(frac % 10)); frac /= 10; }
            Write(1, buf, decimals);
        }
    }

    public static void Line() => Str("\n"u8);
    public static void Kv(ReadOnlySpan<byte> key, long value) { Str(key); Str("="u8); Int(value); Line(); }
}
