using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Veridian.Runtime
{
    /// <summary>
    /// The panic hook. Checked-arithmetic overflow, bounds and division failures call the C symbol
    /// <c>__veridian_panic(const char* message, size_t length)</c>. The compiler emits a weak default that
    /// traps; a program overrides it by exporting its own with
    /// <c>[UnmanagedCallersOnly(EntryPoint = "__veridian_panic")]</c>.
    /// </summary>
    public static unsafe class Panic
    {
        [DllImport("*", EntryPoint = "__veridian_panic")]
        private static extern void Hook(byte* message, nuint length);

        /// <summary>Calls the panic hook with <paramref name="message"/>; never returns.</summary>
        public static void Fail(ReadOnlySpan<byte> message)
        {
            fixed (byte* p = message) Hook(p, (nuint)message.Length);
        }

        public static void IndexOutOfRange() => Fail("index out of range"u8);
    }
}

namespace Veridian.Intrinsics
{
    /// <summary>
    /// Compiles the method for CPU features beyond the target's baseline (LLVM's <c>"target-features"</c> function
    /// attribute, clang's <c>__attribute__((target("avx2")))</c>), e.g. <c>[TargetFeatures("+avx2")]</c>: a
    /// comma-separated list of <c>+feature</c> / <c>-feature</c> in LLVM's spelling for the target. Call such a method
    /// only after checking that the CPU has the features (CPUID); LLVM never inlines it into a caller without them.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class TargetFeaturesAttribute : Attribute
    {
        public TargetFeaturesAttribute(string features) { Features = features; }
        public string Features { get; }
    }

    /// <summary>
    /// Processor intrinsics, lowered by the compiler to LLVM inline assembly or volatile memory accesses.
    /// Template and constraint arguments must be string literals (LLVM inline-asm syntax). Using an
    /// architecture-specific intrinsic on another architecture is error VDN4102.
    /// </summary>
    public static class Cpu
    {
        /// <summary>Inline assembly with no operands (volatile, clobbers memory).</summary>
        [Intrinsic] public static extern void Asm(string template);
        /// <summary>Inline assembly with clobbers only (e.g. <c>"~{rax},~{memory}"</c>).</summary>
        [Intrinsic] public static extern void Asm(string template, string constraints);
        /// <summary>Inline assembly with inputs and an optional output, LLVM constraint syntax (e.g. <c>"=r,r,~{memory}"</c>).</summary>
        [Intrinsic] public static extern void Asm(string template, string constraints, nuint a);
        [Intrinsic] public static extern void Asm(string template, string constraints, nuint a, nuint b);
        [Intrinsic] public static extern void Asm(string template, string constraints, nuint a, nuint b, nuint c);
        [Intrinsic] public static extern nuint AsmResult(string template, string constraints);
        [Intrinsic] public static extern nuint AsmResult(string template, string constraints, nuint a);
        [Intrinsic] public static extern nuint AsmResult(string template, string constraints, nuint a, nuint b);
        [Intrinsic] public static extern nuint AsmResult(string template, string constraints, nuint a, nuint b, nuint c);
        [Intrinsic] public static extern nuint AsmResult(string template, string constraints, nuint a, nuint b, nuint c, nuint d);
        [Intrinsic] public static extern nuint AsmResult(string template, string constraints, nuint a, nuint b, nuint c, nuint d, nuint e);
        /// <summary>Up to seven inputs: enough for a system call (number and six arguments).</summary>
        [Intrinsic] public static extern nuint AsmResult(string template, string constraints, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f);
        [Intrinsic] public static extern nuint AsmResult(string template, string constraints, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f, nuint g);

        /// <summary>x86_64 only: <c>outb</c>.</summary>
        [Intrinsic] public static extern void OutByte(ushort port, byte value);
        /// <summary>x86_64 only: <c>outw</c>.</summary>
        [Intrinsic] public static extern void OutWord(ushort port, ushort value);
        /// <summary>x86_64 only: <c>inb</c>.</summary>
        [Intrinsic] public static extern byte InByte(ushort port);

        /// <summary>Volatile memory-mapped I/O accesses (no reordering with other volatile accesses).</summary>
        [Intrinsic] public static extern byte MmioRead8(nuint address);
        [Intrinsic] public static extern uint MmioRead32(nuint address);
        [Intrinsic] public static extern void MmioWrite8(nuint address, byte value);
        [Intrinsic] public static extern void MmioWrite32(nuint address, uint value);

        /// <summary>Waits for an interrupt: <c>hlt</c> on x86_64, <c>wfi</c> on aarch64 and riscv64.</summary>
        [Intrinsic] public static extern void WaitForInterrupt();
        /// <summary>A full hardware memory barrier (LLVM <c>fence seq_cst</c>).</summary>
        [Intrinsic] public static extern void MemoryBarrier();
        /// <summary>A compiler-only barrier: no reordering of memory accesses across it, no instruction emitted.</summary>
        [Intrinsic] public static extern void CompilerBarrier();
        /// <summary>The architecture the program is compiled for: 0 x86_64, 1 aarch64, 2 riscv64 (a compile-time constant).</summary>
        [Intrinsic] public static extern int Architecture();
    }
}

namespace Veridian.Interop
{
    /// <summary>
    /// Gives a static field a C symbol: the field is the global <c>Name</c> with external linkage, defined by this
    /// program (zero-initialised, set by the static constructor if it has an initialiser), which C code declares
    /// <c>extern</c> (<c>extern char **environ;</c>). Such fields are emitted even when no C# code uses them. Not
    /// allowed in generic types (one symbol per field).
    /// </summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class CSymbolAttribute : Attribute
    {
        public CSymbolAttribute(string name) { Name = name; }
        public string Name { get; }
    }

    /// <summary>
    /// Marks a <c>VaList</c> parameter as C's <c>va_list</c> argument (<c>int vprintf(const char *, va_list)</c>), not the
    /// function's own <c>...</c>: the caller started the list; the function reads on from where it stands.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class CVaListAttribute : Attribute { }

    /// <summary>
    /// The variable arguments of an exported C variadic function. A method marked
    /// <c>[UnmanagedCallersOnly(EntryPoint = "...")]</c> whose LAST parameter is a <c>VaList</c> is exported
    /// as a C variadic function (<c>int printf(const char*, ...)</c>); the compiler starts the list on entry
    /// and ends it on return. Read arguments in order with the Next methods (C default promotions apply:
    /// pass <c>int</c> for char/short, <c>double</c> for float).
    /// </summary>
    public ref struct VaList
    {
        private unsafe void* _list;
        [Intrinsic] public extern int NextInt32();
        [Intrinsic] public extern long NextInt64();
        [Intrinsic] public extern nint NextNInt();
        [Intrinsic] public extern unsafe void* NextPointer();
        [Intrinsic] public extern double NextDouble();
    }
}
