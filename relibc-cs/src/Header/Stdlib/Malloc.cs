using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.String;
using Relibc.Platform;

namespace Relibc.Header.Stdlib;

/// <summary>
/// The allocator (C17 7.22.3; docs/relibc.md, "Allocator"). Every block has a 16-byte header before it. Small blocks
/// (up to 4080 bytes) come from nine power-of-two size classes of 16 B … 4 KiB, carved from 64 KiB mmap chunks and
/// kept on one free list per class. Large blocks get their own mapping, returned to the OS by free. Thread-safe: the
/// free lists are behind one futex lock (uncontended, an atomic instruction on each side).
/// </summary>
public static unsafe class Malloc
{
    private const int Classes = 9;           // 16 << 0 … 16 << 8
    private const nuint Header = 16;
    private const nuint ChunkSize = 64 * 1024;
    private const nuint LargeTag = 0xFF; // in the class word: not a size class
    private const int ProtReadWrite = 3, MapPrivateAnonymous = 0x22;

    private static FreeLists s_free;
    private static int s_lock;

    private struct FreeLists
    {
        public fixed ulong Heads[Classes];
    }

    /// <summary>malloc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/malloc.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "malloc")]
    public static void* MallocExport(nuint size) => Allocate(size, 16);

    /// <summary>free — https://pubs.opengroup.org/onlinepubs/9699919799/functions/free.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "free")]
    public static void FreeExport(void* block) => Free(block);

    /// <summary>calloc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/calloc.html (ENOMEM when count × size overflows).</summary>
    [UnmanagedCallersOnly(EntryPoint = "calloc")]
    public static void* Calloc(nuint count, nuint size)
    {
        if (size != 0 && count > nuint.MaxValue / size)
        {
            Errno.Errno.Set(E.NOMEM);
            return null;
        }
        var p = Allocate(count * size, 16);
        if (p != null)
            Str.Fill((byte*)p, 0, count * size);
        return p;
    }

    /// <summary>realloc — https://pubs.opengroup.org/onlinepubs/9699919799/functions/realloc.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "realloc")]
    public static void* Realloc(void* block, nuint size)
    {
        if (block == null)
            return Allocate(size, 16);
        var usable = Usable(block);
        if (size <= usable && (size > usable / 2 || usable <= 16))
            return block;
        var fresh = Allocate(size, 16);
        if (fresh == null)
            return null;
        Str.Copy((byte*)fresh, (byte*)block, size < usable ? size : usable);
        Free(block);
        return fresh;
    }

    /// <summary>aligned_alloc — C17 7.22.3.1 (alignment a power of two, else EINVAL).</summary>
    [UnmanagedCallersOnly(EntryPoint = "aligned_alloc")]
    public static void* AlignedAlloc(nuint alignment, nuint size)
    {
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
        {
            Errno.Errno.Set(E.INVAL);
            return null;
        }
        return Allocate(size, alignment);
    }

    /// <summary>posix_memalign — https://pubs.opengroup.org/onlinepubs/9699919799/functions/posix_memalign.html (returns the error, errno untouched).</summary>
    [UnmanagedCallersOnly(EntryPoint = "posix_memalign")]
    public static int PosixMemalign(void** result, nuint alignment, nuint size)
    {
        if (alignment < (nuint)sizeof(void*) || (alignment & (alignment - 1)) != 0)
            return E.INVAL;
        var saved = Errno.Errno.Value;
        var p = Allocate(size, alignment);
        Errno.Errno.Set(saved);
        if (p == null)
            return E.NOMEM;
        *result = p;
        return 0;
    }

    /// <summary>malloc_usable_size (glibc and musl's extension): the bytes the block really has.</summary>
    [UnmanagedCallersOnly(EntryPoint = "malloc_usable_size")]
    public static nuint UsableSize(void* block) => block == null ? 0 : Usable(block);

    public static void* Allocate(nuint size, nuint alignment)
    {
        if (alignment <= 16 && size <= (16u << (Classes - 1)) - Header)
        {
            var c = ClassOf(size + Header);
            fixed (int* l = &s_lock)
            {
                Pthread.Lock.Acquire(l);
                var head = (nuint*)s_free.Heads[c];
                if (head == null)
                {
                    head = Refill(c);
                    if (head == null)
                    {
                        Pthread.Lock.Release(l);
                        return null;
                    }
                }
                else
                    s_free.Heads[c] = (ulong)*head;
                Pthread.Lock.Release(l);
                head[0] = (nuint)c;
                return (byte*)head + Header;
            }
        }
        return AllocateLarge(size, alignment < 16 ? 16 : alignment);
    }

    public static void Free(void* block)
    {
        if (block == null)
            return;
        var header = (nuint*)((byte*)block - Header);
        if (header[0] == LargeTag)
        {
            var mapping = (nuint*)header[1];
            Pal.Unmap(mapping, mapping[0]);
            return;
        }
        var c = (int)header[0];
        fixed (int* l = &s_lock)
        {
            Pthread.Lock.Acquire(l);
            header[0] = (nuint)s_free.Heads[c];
            s_free.Heads[c] = (ulong)header;
            Pthread.Lock.Release(l);
        }
    }

    private static nuint Usable(void* block)
    {
        var header = (nuint*)((byte*)block - Header);
        if (header[0] == LargeTag)
        {
            var mapping = (byte*)header[1];
            return (nuint)(mapping + *(nuint*)mapping - (byte*)block);
        }
        return (16u << (int)header[0]) - Header;
    }

    private static int ClassOf(nuint total)
    {
        var c = 0;
        while ((16u << c) < total)
            c++;
        return c;
    }

    /// <summary>Carves a fresh chunk into blocks of class <paramref name="c"/>; returns the first, the rest go on the free list.</summary>
    private static nuint* Refill(int c)
    {
        var chunk = Pal.Map(null, ChunkSize, ProtReadWrite, MapPrivateAnonymous, -1, 0);
        if (Errno.Errno.Result(chunk) == -1)
        {
            Errno.Errno.Set(E.NOMEM);
            return null;
        }
        var blockSize = (nuint)16 << c;
        var first = (byte*)chunk;
        for (var b = first + blockSize; b + blockSize <= first + ChunkSize; b += blockSize)
        {
            *(nuint*)b = (nuint)s_free.Heads[c];
            s_free.Heads[c] = (ulong)b;
        }
        return (nuint*)first;
    }

    private static void* AllocateLarge(nuint size, nuint alignment)
    {
        var length = size + Header + alignment + 16;
        if (length < size)
        {
            Errno.Errno.Set(E.NOMEM);
            return null;
        }
        length = (length + 4095) & ~(nuint)4095;
        var mapping = Pal.Map(null, length, ProtReadWrite, MapPrivateAnonymous, -1, 0);
        if (Errno.Errno.Result(mapping) == -1)
        {
            Errno.Errno.Set(E.NOMEM);
            return null;
        }
        var basePointer = (byte*)mapping;
        *(nuint*)basePointer = length;
        var user = ((nuint)basePointer + 16 + Header + alignment - 1) & ~(alignment - 1);
        var header = (nuint*)(user - Header);
        header[0] = LargeTag;
        header[1] = (nuint)basePointer;
        return (void*)user;
    }
}
