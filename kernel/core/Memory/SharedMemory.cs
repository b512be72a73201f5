using System.Runtime.CompilerServices;

namespace Veridian.Kernel;

/// <summary>A memory object: its frames, and its references — the capabilities that name it and the pages mapped from it.</summary>
unsafe struct MemoryObject
{
    public int References, Pages;
    public fixed ulong Frame[SharedMemory.MaxPages];
}

unsafe struct MemoryObjectStorage
{
    public fixed byte Bytes[SharedMemory.MaxObjects * (8 + 8 * SharedMemory.MaxPages)];
}

/// <summary>
/// Shared memory (docs/capabilities.md): share_memory(length) 6 makes a memory object of fresh zeroed frames and a
/// capability to it; map_memory(token, prot) 7 maps all of it into the caller's space with rights the capability
/// has. The frames go back when the last capability and the last mapped page are gone: every user page the kernel
/// frees goes through <see cref="Release"/>, which knows them.
/// </summary>
static unsafe class SharedMemory
{
    public const int MaxObjects = 16, MaxPages = 64;
    private static MemoryObjectStorage s_objects;
    private static int s_live;

    private static MemoryObject* Object(uint i) => (MemoryObject*)Unsafe.AsPointer(ref s_objects.Bytes[0]) + i;

    /// <summary>share_memory(length): 1 … <see cref="MaxPages"/> pages; a capability with read, write, execute and grant.</summary>
    public static long Create(ulong length)
    {
        if (length == 0 || length > MaxPages * PageTables.PageSize)
            return -Errno.EINVAL;
        uint free = MaxObjects;
        for (uint i = 0; i < MaxObjects && free == MaxObjects; i++)
        {
            if (Object(i)->Pages == 0)
                free = i;
        }
        if (free == MaxObjects)
            return -Errno.ENOMEM;
        MemoryObject* o = Object(free);
        int pages = (int)((length + PageTables.PageSize - 1) / PageTables.PageSize);
        o->References = 0;
        for (int i = 0; i < pages; i++)
        {
            o->Frame[i] = Frames.AllocateZeroed();
            if (o->Frame[i] == 0)
            {
                for (int j = 0; j < i; j++)
                    Frames.Release(o->Frame[j]);
                return -Errno.ENOMEM;
            }
        }
        o->Pages = pages;
        s_live++;
        long token = Caps.Create(CapType.Memory, Rights.All, free, 0);
        if (token < 0 && token >= -4095)
            FreeFrames(o);
        return token;
    }

    /// <summary>map_memory(token, prot): the whole object at the next free address of the caller, readable, and writable or executable (never both) as asked and allowed; the address.</summary>
    public static long Map(ulong token, ulong prot)
    {
        if ((prot & ~(UserMemory.ProtRead | UserMemory.ProtWrite | UserMemory.ProtExec)) != 0
            || (prot & (UserMemory.ProtWrite | UserMemory.ProtExec)) == (UserMemory.ProtWrite | UserMemory.ProtExec))
            return -Errno.EINVAL;
        byte rights = (byte)(Rights.Read | ((prot & UserMemory.ProtWrite) != 0 ? Rights.Write : 0) | ((prot & UserMemory.ProtExec) != 0 ? Rights.Execute : 0));
        long r = Caps.Lookup(Process.Index(Process.Current), token, CapType.Memory, rights, out CapCell* c);
        if (r != 0)
            return r;
        MemoryObject* o = Object(c->Object);
        ulong va = Process.Current->NextMap, size = (ulong)o->Pages * PageTables.PageSize;
        if (va + size > UserMemory.MapLimit)
            return -Errno.ENOMEM;
        var flags = PageFlags.User | ((prot & UserMemory.ProtWrite) != 0 ? PageFlags.Write : 0) | ((prot & UserMemory.ProtExec) != 0 ? PageFlags.Execute : 0);
        for (int i = 0; i < o->Pages; i++)
        {
            if (!PageTables.Map(Process.Root, va + (ulong)i * PageTables.PageSize, o->Frame[i], flags))
            {
                for (int j = 0; j < i; j++)
                {
                    PageTables.Unmap(Process.Root, va + (ulong)j * PageTables.PageSize);
                    Machine.FlushTlb(va + (ulong)j * PageTables.PageSize);
                    Release(o->Frame[j]);
                }
                return -Errno.ENOMEM;
            }
            o->References++;
        }
        Process.Current->NextMap = va + size;
        return (long)va;
    }

    /// <summary>A capability to object <paramref name="obj"/> came or went.</summary>
    public static void Reference(uint obj, int delta)
    {
        MemoryObject* o = Object(obj);
        o->References += delta;
        if (o->References == 0)
            FreeFrames(o);
    }

    /// <summary>Whether <paramref name="frame"/> belongs to a memory object (mprotect refuses such pages: the capability's rights hold).</summary>
    public static bool Owns(ulong frame) => Find(frame) != null;

    /// <summary>A user page's frame is being unmapped: one reference less for its memory object, or back to the allocator.</summary>
    public static void Release(ulong frame)
    {
        MemoryObject* o = Find(frame);
        if (o == null)
        {
            Frames.Release(frame);
            return;
        }
        if (--o->References == 0)
            FreeFrames(o);
    }

    private static MemoryObject* Find(ulong frame)
    {
        for (uint i = 0; s_live != 0 && i < MaxObjects; i++)
        {
            MemoryObject* o = Object(i);
            for (int p = 0; p < o->Pages; p++)
            {
                if (o->Frame[p] == frame)
                    return o;
            }
        }
        return null;
    }

    /// <summary>The object's frames go back; its slot is free.</summary>
    private static void FreeFrames(MemoryObject* o)
    {
        if (o->Pages == 0)
            return;
        for (int p = 0; p < o->Pages; p++)
            Frames.Release(o->Frame[p]);
        o->Pages = 0;
        s_live--;
    }
}
