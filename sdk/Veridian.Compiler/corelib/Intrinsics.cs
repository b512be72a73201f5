// Portable SIMD (docs/csharp-subset.md, "Vectors and bit operations"): the part of .NET's
// System.Runtime.Intrinsics.Vector128/Vector256 and System.Numerics.BitOperations that a C library's string functions
// need. Each [Intrinsic] is lowered by the compiler to generic LLVM vector IR (<16 x i8>, <8 x i16>, <4 x i32>,
// <2 x i64>; twice the lanes for Vector256), which LLVM turns into SSE2 on x86_64, NEON on AArch64 and scalar code where there is no vector unit.
// Lanes are integers only (byte sbyte short ushort int uint long ulong nint nuint); a float lane is VDN4100.
using System.Runtime.CompilerServices;

namespace System.Runtime.Intrinsics
{
    /// <summary>16 bytes seen as <c>16 / sizeof(T)</c> lanes of <typeparamref name="T"/>.</summary>
    public readonly struct Vector128<T>
    {
        private readonly ulong _lower;
        private readonly ulong _upper;

        /// <summary>Every lane zero.</summary>
        public static Vector128<T> Zero => default;

        /// <summary>Every bit set.</summary>
        public static Vector128<T> AllBitsSet => ~default(Vector128<T>);

        /// <summary>The number of lanes.</summary>
        public static int Count => 16 / Unsafe.SizeOf<T>();

        [Intrinsic] public static extern Vector128<T> operator &(Vector128<T> left, Vector128<T> right);
        [Intrinsic] public static extern Vector128<T> operator |(Vector128<T> left, Vector128<T> right);
        [Intrinsic] public static extern Vector128<T> operator ^(Vector128<T> left, Vector128<T> right);
        [Intrinsic] public static extern Vector128<T> operator ~(Vector128<T> vector);
    }

    /// <summary>Creating, loading, storing and comparing <see cref="Vector128{T}"/> values, lane by lane.</summary>
    public static unsafe class Vector128
    {
        /// <summary>A constant: true where the target has a vector unit for these operations (x86_64 SSE2, AArch64 NEON, RISC-V V).</summary>
        public static extern bool IsHardwareAccelerated { [Intrinsic] get; }

        /// <summary>Every lane set to <paramref name="value"/>.</summary>
        [Intrinsic] public static extern Vector128<T> Create<T>(T value);

        /// <summary>16 bytes from <paramref name="source"/>, which need not be aligned.</summary>
        [Intrinsic] public static extern Vector128<T> Load<T>(T* source);

        /// <summary>16 bytes from <paramref name="source"/>, which must be 16-byte aligned.</summary>
        [Intrinsic] public static extern Vector128<T> LoadAligned<T>(T* source);

        /// <summary>Stores 16 bytes at <paramref name="destination"/>, which need not be aligned.</summary>
        [Intrinsic] public static extern void Store<T>(this Vector128<T> source, T* destination);

        /// <summary>Stores 16 bytes at <paramref name="destination"/>, which must be 16-byte aligned.</summary>
        [Intrinsic] public static extern void StoreAligned<T>(this Vector128<T> source, T* destination);

        /// <summary>Each lane all ones where the lanes are equal, else zero.</summary>
        [Intrinsic] public static extern Vector128<T> Equals<T>(Vector128<T> left, Vector128<T> right);

        /// <summary>True when every lane is equal.</summary>
        [Intrinsic] public static extern bool EqualsAll<T>(Vector128<T> left, Vector128<T> right);

        /// <summary>True when some lane is equal.</summary>
        [Intrinsic] public static extern bool EqualsAny<T>(Vector128<T> left, Vector128<T> right);

        /// <summary>The smaller of each pair of lanes (unsigned for unsigned lanes).</summary>
        [Intrinsic] public static extern Vector128<T> Min<T>(Vector128<T> left, Vector128<T> right);

        /// <summary>The larger of each pair of lanes (unsigned for unsigned lanes).</summary>
        [Intrinsic] public static extern Vector128<T> Max<T>(Vector128<T> left, Vector128<T> right);

        /// <summary>Bit i is the top bit of lane i.</summary>
        [Intrinsic] public static extern uint ExtractMostSignificantBits<T>(this Vector128<T> vector);
    }

    /// <summary>32 bytes seen as <c>32 / sizeof(T)</c> lanes of <typeparamref name="T"/>.</summary>
    public readonly struct Vector256<T>
    {
        private readonly ulong _0;
        private readonly ulong _1;
        private readonly ulong _2;
        private readonly ulong _3;

        /// <summary>Every lane zero.</summary>
        public static Vector256<T> Zero => default;

        /// <summary>Every bit set.</summary>
        public static Vector256<T> AllBitsSet => ~default(Vector256<T>);

        /// <summary>The number of lanes.</summary>
        public static int Count => 32 / Unsafe.SizeOf<T>();

        [Intrinsic] public static extern Vector256<T> operator &(Vector256<T> left, Vector256<T> right);
        [Intrinsic] public static extern Vector256<T> operator |(Vector256<T> left, Vector256<T> right);
        [Intrinsic] public static extern Vector256<T> operator ^(Vector256<T> left, Vector256<T> right);
        [Intrinsic] public static extern Vector256<T> operator ~(Vector256<T> vector);
    }

    /// <summary>Creating, loading, storing and comparing <see cref="Vector256{T}"/> values, lane by lane.</summary>
    public static unsafe class Vector256
    {
        /// <summary>A constant: true where the target has a vector unit for these operations (x86_64 AVX2; false on the baseline x86_64 targets, on AArch64 and RISC-V).</summary>
        public static extern bool IsHardwareAccelerated { [Intrinsic] get; }

        /// <summary>Every lane set to <paramref name="value"/>.</summary>
        [Intrinsic] public static extern Vector256<T> Create<T>(T value);

        /// <summary>32 bytes from <paramref name="source"/>, which need not be aligned.</summary>
        [Intrinsic] public static extern Vector256<T> Load<T>(T* source);

        /// <summary>32 bytes from <paramref name="source"/>, which must be 32-byte aligned.</summary>
        [Intrinsic] public static extern Vector256<T> LoadAligned<T>(T* source);

        /// <summary>Stores 32 bytes at <paramref name="destination"/>, which need not be aligned.</summary>
        [Intrinsic] public static extern void Store<T>(this Vector256<T> source, T* destination);

        /// <summary>Stores 32 bytes at <paramref name="destination"/>, which must be 32-byte aligned.</summary>
        [Intrinsic] public static extern void StoreAligned<T>(this Vector256<T> source, T* destination);

        /// <summary>Each lane all ones where the lanes are equal, else zero.</summary>
        [Intrinsic] public static extern Vector256<T> Equals<T>(Vector256<T> left, Vector256<T> right);

        /// <summary>True when every lane is equal.</summary>
        [Intrinsic] public static extern bool EqualsAll<T>(Vector256<T> left, Vector256<T> right);

        /// <summary>True when some lane is equal.</summary>
        [Intrinsic] public static extern bool EqualsAny<T>(Vector256<T> left, Vector256<T> right);

        /// <summary>The smaller of each pair of lanes (unsigned for unsigned lanes).</summary>
        [Intrinsic] public static extern Vector256<T> Min<T>(Vector256<T> left, Vector256<T> right);

        /// <summary>The larger of each pair of lanes (unsigned for unsigned lanes).</summary>
        [Intrinsic] public static extern Vector256<T> Max<T>(Vector256<T> left, Vector256<T> right);

        /// <summary>Bit i is the top bit of lane i.</summary>
        [Intrinsic] public static extern uint ExtractMostSignificantBits<T>(this Vector256<T> vector);
    }
}

namespace System.Numerics
{
    /// <summary>Bit counts, each one LLVM intrinsic (llvm.cttz, llvm.ctlz, llvm.ctpop): a zero input gives the width.</summary>
    public static class BitOperations
    {
        [Intrinsic] public static extern int TrailingZeroCount(uint value);
        [Intrinsic] public static extern int TrailingZeroCount(ulong value);
        [Intrinsic] public static extern int TrailingZeroCount(int value);
        [Intrinsic] public static extern int TrailingZeroCount(long value);
        [Intrinsic] public static extern int LeadingZeroCount(uint value);
        [Intrinsic] public static extern int LeadingZeroCount(ulong value);
        [Intrinsic] public static extern int PopCount(uint value);
        [Intrinsic] public static extern int PopCount(ulong value);
    }
}
