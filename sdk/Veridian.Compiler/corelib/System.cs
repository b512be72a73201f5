// Veridian core library, subset v1 (docs/csharp-subset.md). Compiled by Veridian.Compiler together with
// the user's sources; no GC, no hidden allocations, nothing .NET lacks. Classes other than String are not
// instantiable in v1: Object exists because Roslyn requires it.
namespace System
{
    public class Object
    {
        public Object() { }
    }

    public abstract class ValueType { }
    public abstract class Enum : ValueType { }
    public abstract class Array
    {
        public int Length => throw null!;
    }
    public abstract class Delegate { }
    public abstract class MulticastDelegate : Delegate { }
    public struct Void { }

    public struct Boolean { }
    public struct Char { public const char MinValue = '\0'; public const char MaxValue = '\uffff'; }
    public struct SByte { public const sbyte MinValue = -128; public const sbyte MaxValue = 127; }
    public struct Byte { public const byte MinValue = 0; public const byte MaxValue = 255; }
    public struct Int16 { public const short MinValue = -32768; public const short MaxValue = 32767; }
    public struct UInt16 { public const ushort MinValue = 0; public const ushort MaxValue = 65535; }
    public struct Int32 { public const int MinValue = -2147483648; public const int MaxValue = 2147483647; }
    public struct UInt32 { public const uint MinValue = 0; public const uint MaxValue = 4294967295; }
    public struct Int64 { public const long MinValue = -9223372036854775808; public const long MaxValue = 9223372036854775807; }
    public struct UInt64 { public const ulong MinValue = 0; public const ulong MaxValue = 18446744073709551615; }
    public struct Single { }
    public struct Double { }
    public struct IntPtr { public static nint MaxValue => unchecked((nint)long.MaxValue); public static nint MinValue => unchecked((nint)long.MinValue); }
    public struct UIntPtr { public static nuint MaxValue => unchecked((nuint)ulong.MaxValue); public static nuint MinValue => 0; }

    /// <summary>An index from the start or (<c>^n</c>) from the end, as in .NET.</summary>
    public readonly struct Index
    {
        private readonly int _value;
        public Index(int value, bool fromEnd = false)
        {
            if (value < 0) Veridian.Runtime.Panic.IndexOutOfRange();
            _value = fromEnd ? ~value : value;
        }
        public int Value => _value < 0 ? ~_value : _value;
        public bool IsFromEnd => _value < 0;
        public int GetOffset(int length) => _value < 0 ? length + _value + 1 : _value;
        public static implicit operator Index(int value) => new Index(value);
    }

    /// <summary>The part of System.Math that lowers to one LLVM intrinsic (no tables, no allocation).</summary>
    public static class Math
    {
        [System.Runtime.CompilerServices.Intrinsic] public static extern double Sqrt(double d);
        [System.Runtime.CompilerServices.Intrinsic] public static extern double Abs(double value);
        [System.Runtime.CompilerServices.Intrinsic] public static extern double Floor(double d);
        [System.Runtime.CompilerServices.Intrinsic] public static extern double Ceiling(double a);
        public static int Abs(int value) => value < 0 ? -value : value;
        public static long Abs(long value) => value < 0 ? -value : value;
        public static int Min(int a, int b) => a < b ? a : b;
        public static int Max(int a, int b) => a > b ? a : b;
        public static long Min(long a, long b) => a < b ? a : b;
        public static long Max(long a, long b) => a > b ? a : b;
    }

    public struct RuntimeTypeHandle { }
    public struct RuntimeMethodHandle { }
    public struct RuntimeFieldHandle { }

    /// <summary>Read-only UTF-16 string. Literals are emitted as read-only data; there is no way to create one at run time in v1.</summary>
    public sealed class String
    {
        private readonly int _length;
        private readonly char _firstChar;

        private String() { _length = 0; _firstChar = '\0'; }

        public int Length => _length;

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    Veridian.Runtime.Panic.IndexOutOfRange();
                return System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.CompilerServices.Unsafe.AsRef(in _firstChar), index);
            }
        }

        public ref readonly char GetPinnableReference() => ref _firstChar;

        public static bool operator ==(string? a, string? b)
        {
            if ((object?)a == (object?)b) return true;
            if ((object?)a == null || (object?)b == null || a._length != b._length) return false;
            for (int i = 0; i < a._length; i++)
                if (a[i] != b[i]) return false;
            return true;
        }

        public static bool operator !=(string? a, string? b) => !(a == b);
    }

    /// <summary>Type exists only so attribute arguments like <c>typeof(CallConvCdecl)</c> compile; <c>typeof</c> is rejected in code.</summary>
    public abstract class Type { }

    public abstract class Attribute { }

    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }
        public bool AllowMultiple { get; set; }
        public bool Inherited { get; set; }
    }

    public enum AttributeTargets
    {
        Assembly = 1, Module = 2, Class = 4, Struct = 8, Enum = 16, Constructor = 32, Method = 64, Property = 128,
        Field = 256, Event = 512, Interface = 1024, Parameter = 2048, Delegate = 4096, ReturnValue = 8192,
        GenericParameter = 16384, All = 32767,
    }

    [AttributeUsage(AttributeTargets.Enum)] public sealed class FlagsAttribute : Attribute { }
    /// <summary>A static field with one copy per thread (an ELF TLS variable; docs/csharp-subset.md, "Thread-local statics").</summary>
    [AttributeUsage(AttributeTargets.Field, Inherited = false)] public sealed class ThreadStaticAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Parameter)] public sealed class ParamArrayAttribute : Attribute { }

    /// <summary>Required by Roslyn for non-exhaustive switch expressions; constructing it is a v1 error (no exceptions).</summary>
    public class Exception { }
    public sealed class InvalidOperationException : Exception { public InvalidOperationException() { } }
}

namespace System.Reflection
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct)]
    public sealed class DefaultMemberAttribute : Attribute { public DefaultMemberAttribute(string memberName) { } }
}
