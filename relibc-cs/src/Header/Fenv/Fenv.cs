using System.Runtime.InteropServices;
using Veridian.Intrinsics;

namespace Relibc.Header.Fenv;

/// <summary>
/// fenv.h (C17 7.6; https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/fenv.h.html) on each architecture's
/// floating-point control and status registers: x86_64 MXCSR (SSE arithmetic, what C and C# use) together with the
/// x87 control and status words (long double, kept consistent), aarch64 FPCR/FPSR, riscv64 fcsr. The values of
/// <see cref="Fe"/> are the hardware's bit positions (the same as glibc's), so the header's FE_* need no conversion;
/// HeaderTests checks fenv.h against them. fenv_t is the saved register state (x86_64: the 28-byte x87 environment
/// then MXCSR; aarch64: FPCR, FPSR; riscv64: fcsr).
/// </summary>
public static unsafe class Fenv
{
#if VERIDIAN_X86_64
    private static uint Mxcsr()
    {
        uint m = 0;
        Cpu.Asm("stmxcsr ($0)", "r,~{memory}", (nuint)(&m));
        return m;
    }

    private static void SetMxcsr(uint m) => Cpu.Asm("ldmxcsr ($0)", "r,~{memory}", (nuint)(&m));

    private static ushort X87Status()
    {
        ushort s = 0;
        Cpu.Asm("fnstsw ($0)", "r,~{memory}", (nuint)(&s));
        return s;
    }

    /// <summary>The 28-byte x87 environment (control word at 0, status word at 4). fnstenv masks every x87 exception
    /// as a side effect, so the stored environment is loaded straight back.</summary>
    private static void X87GetEnv(byte* env)
    {
        Cpu.Asm("fnstenv ($0)", "r,~{memory}", (nuint)env);
        Cpu.Asm("fldenv ($0)", "r,~{memory}", (nuint)env);
    }

    private static void X87SetEnv(byte* env) => Cpu.Asm("fldenv ($0)", "r,~{memory}", (nuint)env);

    /// <summary>The exception flags raised so far (FE_* bits).</summary>
    public static int Raised() => (int)((Mxcsr() | X87Status()) & Fe.AllExcept);

    private static void Clear(int excepts)
    {
        excepts &= Fe.AllExcept;
        byte* env = stackalloc byte[28];
        X87GetEnv(env);
        *(ushort*)(env + 4) &= (ushort)~excepts;
        X87SetEnv(env);
        SetMxcsr(Mxcsr() & ~(uint)excepts);
    }

    private static void Raise(int excepts) => SetMxcsr(Mxcsr() | (uint)(excepts & Fe.AllExcept));

    private static int Round() => (int)((Mxcsr() >> 3) & 0xC00);

    private static void SetRound(int mode)
    {
        byte* env = stackalloc byte[28];
        X87GetEnv(env);
        *(ushort*)env = (ushort)((*(ushort*)env & ~0xC00) | mode);
        X87SetEnv(env);
        SetMxcsr((Mxcsr() & ~0x6000u) | ((uint)mode << 3));
    }

    private static void GetEnv(byte* env)
    {
        X87GetEnv(env);
        *(uint*)(env + 28) = Mxcsr();
    }

    private static void SetEnv(byte* env)
    {
        if (env == (byte*)(nint)(-1))
        {
            // FE_DFL_ENV: the state at process start — x87 control word 0x037F, MXCSR 0x1F80 (all masked, nearest).
            byte* cur = stackalloc byte[28];
            X87GetEnv(cur);
            *(ushort*)cur = 0x037F;
            *(ushort*)(cur + 4) &= unchecked((ushort)~0x3F);
            X87SetEnv(cur);
            SetMxcsr(0x1F80);
            return;
        }
        X87SetEnv(env);
        SetMxcsr(*(uint*)(env + 28));
    }

    private static void MaskAll(byte* saved)
    {
        byte* env = stackalloc byte[28];
        X87GetEnv(env);
        *(ushort*)env |= 0x3F;
        *(ushort*)(env + 4) &= unchecked((ushort)~0x3F);
        X87SetEnv(env);
        SetMxcsr((Mxcsr() | 0x1F80) & ~0x3Fu);
    }
#elif VERIDIAN_AARCH64
    private static uint Fpcr() => (uint)Cpu.AsmResult("mrs $0, fpcr", "=r");

    private static void SetFpcr(uint v) => Cpu.Asm("msr fpcr, $0", "r", v);

    private static uint Fpsr() => (uint)Cpu.AsmResult("mrs $0, fpsr", "=r");

    private static void SetFpsr(uint v) => Cpu.Asm("msr fpsr, $0", "r", v);

    public static int Raised() => (int)(Fpsr() & Fe.AllExcept);

    private static void Clear(int excepts) => SetFpsr(Fpsr() & ~(uint)(excepts & Fe.AllExcept));

    private static void Raise(int excepts) => SetFpsr(Fpsr() | (uint)(excepts & Fe.AllExcept));

    private static int Round() => (int)(Fpcr() & 0xC00000);

    private static void SetRound(int mode) => SetFpcr((Fpcr() & ~0xC00000u) | (uint)mode);

    private static void GetEnv(byte* env)
    {
        *(uint*)env = Fpcr();
        *(uint*)(env + 4) = Fpsr();
    }

    private static void SetEnv(byte* env)
    {
        if (env == (byte*)(nint)(-1))
        {
            SetFpcr(0);
            SetFpsr(0);
            return;
        }
        SetFpcr(*(uint*)env);
        SetFpsr(*(uint*)(env + 4));
    }

    private static void MaskAll(byte* saved)
    {
        SetFpcr(Fpcr() & ~0x9F00u); // trap enables IOE DZE OFE UFE IXE IDE
        SetFpsr(Fpsr() & ~(uint)Fe.AllExcept);
    }
#elif VERIDIAN_RISCV64
    private static uint Fcsr() => (uint)Cpu.AsmResult("frcsr $0", "=r");

    private static void SetFcsr(uint v) => Cpu.Asm("fscsr $0", "r", v);

    public static int Raised() => (int)(Fcsr() & Fe.AllExcept);

    private static void Clear(int excepts) => SetFcsr(Fcsr() & ~(uint)(excepts & Fe.AllExcept));

    private static void Raise(int excepts) => SetFcsr(Fcsr() | (uint)(excepts & Fe.AllExcept));

    private static int Round() => (int)((Fcsr() >> 5) & 7);

    private static void SetRound(int mode) => SetFcsr((Fcsr() & ~0xE0u) | ((uint)mode << 5));

    private static void GetEnv(byte* env) => *(uint*)env = Fcsr();

    private static void SetEnv(byte* env) => SetFcsr(env == (byte*)(nint)(-1) ? 0 : *(uint*)env);

    private static void MaskAll(byte* saved) => SetFcsr(Fcsr() & ~(uint)Fe.AllExcept); // RISC-V has no traps
#endif

    /// <summary>
    /// Restores the flags to <paramref name="saved"/> after an operation whose result is <paramref name="after"/> (the
    /// result is an operand of the first asm statement, so the operation cannot be scheduled after the restore).
    /// </summary>
    public static void Restore(int saved, double after)
    {
        Cpu.Asm("", "r", (nuint)Relibc.Header.Math.Bits.Of(after));
        Clear(Fe.AllExcept & ~saved);
    }

    /// <summary>The current rounding direction (an FE_ value).</summary>
    public static int Rounding() => Round();

    /// <summary>feclearexcept — https://pubs.opengroup.org/onlinepubs/9699919799/functions/feclearexcept.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "feclearexcept")]
    public static int FeClearExcept(int excepts)
    {
        Clear(excepts);
        return 0;
    }

    /// <summary>fetestexcept — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fetestexcept.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fetestexcept")]
    public static int FeTestExcept(int excepts) => Raised() & excepts;

    /// <summary>feraiseexcept — https://pubs.opengroup.org/onlinepubs/9699919799/functions/feraiseexcept.html (sets the
    /// flags; no FE_* trap is enabled in relibc-cs, so nothing else happens).</summary>
    [UnmanagedCallersOnly(EntryPoint = "feraiseexcept")]
    public static int FeRaiseExcept(int excepts)
    {
        Raise(excepts);
        return 0;
    }

    /// <summary>fegetexceptflag — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fegetexceptflag.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fegetexceptflag")]
    public static int FeGetExceptFlag(Fe.ExceptT* flag, int excepts)
    {
        *flag = (Fe.ExceptT)(Raised() & excepts & Fe.AllExcept);
        return 0;
    }

    /// <summary>fesetexceptflag — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fesetexceptflag.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fesetexceptflag")]
    public static int FeSetExceptFlag(Fe.ExceptT* flag, int excepts)
    {
        Clear(excepts);
        Raise((int)*flag & excepts);
        return 0;
    }

    /// <summary>fegetround — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fegetround.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fegetround")]
    public static int FeGetRound() => Round();

    /// <summary>fesetround — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fesetround.html (nonzero for a
    /// value that is not one of the four FE_ directions).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fesetround")]
    public static int FeSetRound(int mode)
    {
        if (mode != Fe.ToNearest && mode != Fe.Downward && mode != Fe.Upward && mode != Fe.TowardZero)
            return -1;
        SetRound(mode);
        return 0;
    }

    /// <summary>fegetenv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fegetenv.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "fegetenv")]
    public static int FeGetEnv(byte* env)
    {
        GetEnv(env);
        return 0;
    }

    /// <summary>fesetenv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/fesetenv.html (FE_DFL_ENV is (const fenv_t *)-1).</summary>
    [UnmanagedCallersOnly(EntryPoint = "fesetenv")]
    public static int FeSetEnv(byte* env)
    {
        SetEnv(env);
        return 0;
    }

    /// <summary>feholdexcept — https://pubs.opengroup.org/onlinepubs/9699919799/functions/feholdexcept.html: saves the
    /// environment, clears the flags, and leaves every exception untrapped.</summary>
    [UnmanagedCallersOnly(EntryPoint = "feholdexcept")]
    public static int FeHoldExcept(byte* env)
    {
        GetEnv(env);
        MaskAll(env);
        return 0;
    }

    /// <summary>feupdateenv — https://pubs.opengroup.org/onlinepubs/9699919799/functions/feupdateenv.html: installs the
    /// saved environment, then raises the exceptions that were raised before.</summary>
    [UnmanagedCallersOnly(EntryPoint = "feupdateenv")]
    public static int FeUpdateEnv(byte* env)
    {
        var raised = Raised();
        SetEnv(env);
        Raise(raised);
        return 0;
    }
}

/// <summary>The FE_ values of fenv.h: each architecture's own bits (glibc uses the same).</summary>
public static class Fe
{
#if VERIDIAN_X86_64
    public const int INVALID = 0x01, DIVBYZERO = 0x04, OVERFLOW = 0x08, UNDERFLOW = 0x10, INEXACT = 0x20;
    public const int TONEAREST = 0x0, DOWNWARD = 0x400, UPWARD = 0x800, TOWARDZERO = 0xC00;
#elif VERIDIAN_AARCH64
    public const int INVALID = 0x01, DIVBYZERO = 0x02, OVERFLOW = 0x04, UNDERFLOW = 0x08, INEXACT = 0x10;
    public const int TONEAREST = 0x0, UPWARD = 0x400000, DOWNWARD = 0x800000, TOWARDZERO = 0xC00000;
#elif VERIDIAN_RISCV64
    public const int INEXACT = 0x01, UNDERFLOW = 0x02, OVERFLOW = 0x04, DIVBYZERO = 0x08, INVALID = 0x10;
    public const int TONEAREST = 0x0, TOWARDZERO = 0x1, DOWNWARD = 0x2, UPWARD = 0x3;
#endif
    public const int AllExcept = INVALID | DIVBYZERO | OVERFLOW | UNDERFLOW | INEXACT;
    public const int ToNearest = TONEAREST, Downward = DOWNWARD, Upward = UPWARD, TowardZero = TOWARDZERO;

    /// <summary>fexcept_t: unsigned short on x86_64 (glibc's), unsigned int elsewhere.</summary>
#if VERIDIAN_X86_64
    public enum ExceptT : ushort { }
#else
    public enum ExceptT : uint { }
#endif
}
