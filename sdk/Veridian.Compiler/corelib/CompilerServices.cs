namespace System.Runtime.CompilerServices
{
    [AttributeUsage(AttributeTargets.Module, AllowMultiple = false, Inherited = false)]
    public sealed class RefSafetyRulesAttribute : Attribute { public RefSafetyRulesAttribute(int version) { } }

    public static class RuntimeFeature
    {
        public const string ByRefFields = nameof(ByRefFields);
        public const string NumericIntPtr = nameof(NumericIntPtr);
        public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
    }

    [AttributeUsage(AttributeTargets.All, Inherited = false)] public sealed class IsReadOnlyAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.All, Inherited = false)] public sealed class IsByRefLikeAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.All, Inherited = false)] public sealed class IsUnmanagedAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.All, AllowMultiple = false, Inherited = false)] public sealed class ScopedRefAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.All, Inherited = false)] public sealed class RequiresLocationAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.All, Inherited = false)] public sealed class ParamCollectionAttribute : Attribute { }
    public static class IsExternalInit { }
    public static class IsVolatile { }
    [AttributeUsage(AttributeTargets.All, AllowMultiple = true, Inherited = false)]
    public sealed class CompilerFeatureRequiredAttribute : Attribute { public CompilerFeatureRequiredAttribute(string featureName) { } }
    [AttributeUsage(AttributeTargets.All)] public sealed class CompilerGeneratedAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)] public sealed class ExtensionAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Property)] public sealed class IndexerNameAttribute : Attribute { public IndexerNameAttribute(string indexerName) { } }
    [AttributeUsage(AttributeTargets.Field)] public sealed class FixedBufferAttribute : Attribute { public FixedBufferAttribute(Type elementType, int length) { } }
    [AttributeUsage(AttributeTargets.Struct)] public sealed class InlineArrayAttribute : Attribute { public InlineArrayAttribute(int length) { } }
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor)]
    public sealed class MethodImplAttribute : Attribute
    {
        public MethodImplAttribute(MethodImplOptions methodImplOptions) { }
    }
    public enum MethodImplOptions { NoInlining = 8, NoOptimization = 64, AggressiveInlining = 256, AggressiveOptimization = 512 }

    /// <summary>Marks a method whose body the compiler supplies (Unsafe, Volatile, Interlocked, the Veridian intrinsics).</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor)] public sealed class IntrinsicAttribute : Attribute { }

    public sealed class CallConvCdecl { }
    public sealed class CallConvStdcall { }
    public sealed class CallConvSuppressGCTransition { }

    public static class RuntimeHelpers
    {
        [Intrinsic] public static extern ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle);
    }

    /// <summary>Low-level operations on references and pointers; each is lowered by the compiler to one or two LLVM instructions.</summary>
    public static unsafe class Unsafe
    {
        [Intrinsic] public static extern ref T Add<T>(ref T source, int elementOffset);
        [Intrinsic] public static extern ref T Add<T>(ref T source, nint elementOffset);
        [Intrinsic] public static extern ref T AddByteOffset<T>(ref T source, nint byteOffset);
        [Intrinsic] public static extern ref T AsRef<T>(void* source);
        [Intrinsic] public static extern ref T AsRef<T>(scoped ref readonly T source);
        [Intrinsic] public static extern ref TTo As<TFrom, TTo>(ref TFrom source);
        [Intrinsic] public static extern void* AsPointer<T>(ref T value);
        [Intrinsic] public static extern int SizeOf<T>();
        [Intrinsic] public static extern ref T NullRef<T>();
        [Intrinsic] public static extern bool IsNullRef<T>(ref readonly T source);
        [Intrinsic] public static extern T ReadUnaligned<T>(void* source);
        [Intrinsic] public static extern void WriteUnaligned<T>(void* destination, T value);
        [Intrinsic] public static extern bool AreSame<T>(ref readonly T left, ref readonly T right);
    }
}

namespace System.Threading
{
    /// <summary>Volatile accesses (LLVM <c>load/store volatile</c>); see docs/csharp-subset.md.</summary>
    public static class Volatile
    {
        [System.Runtime.CompilerServices.Intrinsic] public static extern int Read(ref readonly int location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern uint Read(ref readonly uint location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern long Read(ref readonly long location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern ulong Read(ref readonly ulong location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern byte Read(ref readonly byte location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern bool Read(ref readonly bool location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern void Write(ref int location, int value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern void Write(ref uint location, uint value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern void Write(ref long location, long value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern void Write(ref ulong location, ulong value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern void Write(ref byte location, byte value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern void Write(ref bool location, bool value);
    }

    /// <summary>Sequentially consistent atomics (LLVM <c>atomicrmw</c>/<c>cmpxchg</c> seq_cst).</summary>
    public static class Interlocked
    {
        [System.Runtime.CompilerServices.Intrinsic] public static extern int Increment(ref int location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern long Increment(ref long location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern int Decrement(ref int location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern long Decrement(ref long location);
        [System.Runtime.CompilerServices.Intrinsic] public static extern int Add(ref int location, int value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern long Add(ref long location, long value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern int Exchange(ref int location, int value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern long Exchange(ref long location, long value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern int CompareExchange(ref int location, int value, int comparand);
        [System.Runtime.CompilerServices.Intrinsic] public static extern long CompareExchange(ref long location, long value, long comparand);
        [System.Runtime.CompilerServices.Intrinsic] public static extern int And(ref int location, int value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern int Or(ref int location, int value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern void MemoryBarrier();
    }
}
