using System.Runtime.CompilerServices;
using Veridian.Runtime;

namespace System
{
    /// <summary>A bounds-checked view of contiguous memory (stack, static data, or memory obtained from C).</summary>
    public readonly ref struct Span<T>
    {
        private readonly ref T _reference;
        private readonly int _length;

        public unsafe Span(void* pointer, int length)
        {
            if (length < 0) Panic.IndexOutOfRange();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        public Span(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        /// <summary>Only for Roslyn's sake: arrays are outside subset v1, so this is never reached.</summary>
        public Span(T[] array) { throw null!; }

        public ref T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) Panic.IndexOutOfRange();
                return ref Unsafe.Add(ref _reference, index);
            }
        }

        public int Length => _length;
        public bool IsEmpty => _length == 0;

        public ref T GetPinnableReference() => ref _reference;

        public Span<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) Panic.IndexOutOfRange();
            return new Span<T>(ref Unsafe.Add(ref _reference, start), _length - start);
        }

        public Span<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) Panic.IndexOutOfRange();
            return new Span<T>(ref Unsafe.Add(ref _reference, start), length);
        }

        public void Fill(T value)
        {
            for (int i = 0; i < _length; i++) Unsafe.Add(ref _reference, i) = value;
        }

        public void Clear()
        {
            for (int i = 0; i < _length; i++) Unsafe.Add(ref _reference, i) = default!;
        }

        public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);
        public static implicit operator Span<T>(T[] array) => throw null!;

        public Enumerator GetEnumerator() => new Enumerator(this);

        public ref struct Enumerator
        {
            private readonly Span<T> _span;
            private int _index;
            internal Enumerator(Span<T> span) { _span = span; _index = -1; }
            public bool MoveNext() => ++_index < _span.Length;
            public ref T Current => ref _span[_index];
        }
    }

    /// <summary>A bounds-checked read-only view; <c>"…"u8</c> literals and static data are of this type.</summary>
    public readonly ref struct ReadOnlySpan<T>
    {
        private readonly ref T _reference;
        private readonly int _length;

        public unsafe ReadOnlySpan(void* pointer, int length)
        {
            if (length < 0) Panic.IndexOutOfRange();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        public ReadOnlySpan(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        /// <summary>Only for Roslyn's sake (u8 literals need it to exist); arrays are outside subset v1.</summary>
        public ReadOnlySpan(T[] array, int start, int length) { throw null!; }

        /// <summary>Only for Roslyn's sake (collection expressions need it to exist); arrays are outside subset v1.</summary>
        public ReadOnlySpan(T[] array) { throw null!; }

        public ref readonly T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) Panic.IndexOutOfRange();
                return ref Unsafe.Add(ref _reference, index);
            }
        }

        public int Length => _length;
        public bool IsEmpty => _length == 0;

        public ref readonly T GetPinnableReference() => ref _reference;

        public ReadOnlySpan<T> Slice(int start)
        {
            if ((uint)start > (uint)_length) Panic.IndexOutOfRange();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), _length - start);
        }

        public ReadOnlySpan<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length) Panic.IndexOutOfRange();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), length);
        }

        public static implicit operator ReadOnlySpan<T>(T[] array) => throw null!;

        public Enumerator GetEnumerator() => new Enumerator(this);

        public ref struct Enumerator
        {
            private readonly ReadOnlySpan<T> _span;
            private int _index;
            internal Enumerator(ReadOnlySpan<T> span) { _span = span; _index = -1; }
            public bool MoveNext() => ++_index < _span.Length;
            public ref readonly T Current => ref _span[_index];
        }
    }

    public static class MemoryExtensions
    {
        public static unsafe ReadOnlySpan<char> AsSpan(this string text)
        {
            if ((object)text == null) return default;
            return new ReadOnlySpan<char>(ref Unsafe.AsRef(in text.GetPinnableReference()), text.Length);
        }
    }
}
