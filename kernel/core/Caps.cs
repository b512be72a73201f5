using System.Runtime.CompilerServices;

namespace Veridian.Kernel;

/// <summary>Capability types (VERIDIAN-ABI.md's numbers; notification and reply are ours, docs/capabilities.md).</summary>
static class CapType
{
    public const byte Memory = 0, Endpoint = 1, Process = 2, Thread = 3, Device = 4, Interrupt = 8, Notification = 9, Reply = 10;

    /// <summary>Any type (a lookup that does not care, e.g. cap_copy).</summary>
    public const byte Any = 255;
}

/// <summary>Rights: read 1, write 2, execute 4 (memory only), grant 8.</summary>
static class Rights
{
    public const byte Read = 1, Write = 2, Execute = 4, Grant = 8, All = 15;
}

/// <summary>One slot of a capability space; the links are cell indices + 1 (0: none) of the derivation tree.</summary>
struct CapCell
{
    public byte Type, Rights, Generation, Used;
    public ushort Parent, FirstChild, Next, Prev;
    public uint Object;
    public ulong Badge;
}

unsafe struct CapTableStorage
{
    public fixed byte Bytes[Caps.Cells * 24];
}

/// <summary>
/// Capability spaces (docs/capabilities.md): one CNode of <see cref="Slots"/> slots per process, all of them rows of one
/// static table of cells, so the derivation tree links cells by index across processes. Tokens name a slot with its
/// generation, type and rights, and every use checks all four. Copy, mint, move, delete and revoke keep the tree; an
/// object (endpoint, notification) lives while a capability names it.
/// </summary>
static unsafe class Caps
{
    public const int Slots = 64;
    public const int Cells = Process.MaxProcesses * Slots;
    public const long ECAPINVAL = 10, ECAPREVOKED = 11, ECAPRIGHTS = 12, ECAPNOTFOUND = 13, ECAPEXISTS = 14, ECAPDELEG = 16;
    private const ulong SlotMask = 0xFFFF_FFFF_FFFF;

    private static CapTableStorage s_cells;

    public static CapCell* Cell(int index) => (CapCell*)Unsafe.AsPointer(ref s_cells.Bytes[0]) + index;

    public static int Index(CapCell* c) => (int)(c - Cell(0));

    /// <summary>The cell of <paramref name="slot"/> in the CNode of process table index <paramref name="process"/>.</summary>
    public static CapCell* At(int process, int slot) => Cell(process * Slots + slot);

    /// <summary>The token that names a cell for its holder.</summary>
    public static long Token(CapCell* c) =>
        (long)((ulong)(Index(c) % Slots) | (ulong)c->Generation << 48 | (ulong)c->Type << 56 | (ulong)c->Rights << 60);

    /// <summary>The checks of docs/capabilities.md, in order, in the CNode of process table index <paramref name="process"/>; 0 and the cell, or -errno.</summary>
    public static long Lookup(int process, ulong token, byte type, byte rights, out CapCell* cell)
    {
        cell = null;
        ulong slot = token & SlotMask;
        if (slot == 0 || slot >= Slots)
            return -ECAPINVAL;
        CapCell* c = At(process, (int)slot);
        if (c->Generation != (byte)(token >> 48))
            return -ECAPREVOKED;
        if (c->Used == 0)
            return -ECAPNOTFOUND;
        if (c->Type != (byte)((token >> 56) & 15) || c->Rights != (byte)(token >> 60))
            return -ECAPINVAL;
        if (type != CapType.Any && c->Type != type)
            return -ECAPINVAL;
        if ((c->Rights & rights) != rights)
            return -ECAPRIGHTS;
        cell = c;
        return 0;
    }

    /// <summary>A free cell of <paramref name="process"/>'s CNode: <paramref name="slot"/>, or the lowest free one when it is 0; 0 and the cell, or -errno.</summary>
    private static long Free(int process, ulong slot, out CapCell* cell)
    {
        cell = null;
        if (slot >= Slots)
            return -ECAPINVAL;
        if (slot != 0)
        {
            cell = At(process, (int)slot);
            return cell->Used != 0 ? -ECAPEXISTS : 0;
        }
        for (int s = 2; s < Slots; s++)
        {
            if (At(process, s)->Used == 0)
            {
                cell = At(process, s);
                return 0;
            }
        }
        return -Errno.ENOMEM;
    }

    /// <summary>Fills a free cell with a capability to an object, a root of the derivation tree (or a child of <paramref name="parent"/>); the object gains a reference.</summary>
    private static void Fill(CapCell* c, byte type, byte rights, uint obj, ulong badge, CapCell* parent)
    {
        c->Type = type;
        c->Rights = rights;
        c->Object = obj;
        c->Badge = badge;
        c->Used = 1;
        c->Parent = c->FirstChild = c->Next = c->Prev = 0;
        if (parent != null)
            Link(c, parent);
        Objects.Reference(type, obj, 1);
    }

    /// <summary>A new root capability in the current process's lowest free slot; its token or -errno.</summary>
    public static long Create(byte type, byte rights, uint obj, ulong badge)
    {
        long r = Free(Process.Index(Process.Current), 0, out CapCell* c);
        if (r != 0)
            return r;
        Fill(c, type, rights, obj, badge, null);
        return Token(c);
    }

    /// <summary>A root capability in a given (free) slot of <paramref name="process"/>: the boot capabilities.</summary>
    public static void Place(int process, int slot, byte type, byte rights, uint obj)
    {
        if (At(process, slot)->Used == 0)
            Fill(At(process, slot), type, rights, obj, 0, null);
    }

    /// <summary>A copy of <paramref name="source"/> (derived from it) in a free slot of <paramref name="process"/>; the new cell, or null when the CNode is full.</summary>
    public static CapCell* Derive(CapCell* source, int process, byte rights, ulong badge)
    {
        if (Free(process, 0, out CapCell* c) != 0)
            return null;
        Fill(c, source->Type, rights, source->Object, badge, source);
        return c;
    }

    public static long Copy(ulong token, ulong slot) => Mint(token, 0xFF, 0, slot);

    /// <summary>cap_mint(token, rights, badge, slot) (cap_copy is a mint that keeps rights and badge).</summary>
    public static long Mint(ulong token, ulong rights, ulong badge, ulong slot)
    {
        long r = Lookup(Process.Index(Process.Current), token, CapType.Any, 0, out CapCell* source);
        if (r != 0)
            return r;
        byte newRights = rights == 0xFF ? source->Rights : (byte)rights;
        if (rights != 0xFF && (rights > Rights.All || (newRights & ~source->Rights) != 0))
            return -ECAPRIGHTS;
        ulong newBadge = source->Badge;
        if (badge != 0)
        {
            if (source->Type != CapType.Endpoint && source->Type != CapType.Notification)
                return -ECAPINVAL;
            if (source->Badge != 0)
                return -ECAPDELEG;
            newBadge = badge;
        }
        r = Free(Process.Index(Process.Current), slot, out CapCell* c);
        if (r != 0)
            return r;
        Fill(c, source->Type, newRights, source->Object, newBadge, source);
        return Token(c);
    }

    /// <summary>cap_move(token, slot): the capability changes slots, keeping its links; the old token is stale.</summary>
    public static long Move(ulong token, ulong slot)
    {
        long r = Lookup(Process.Index(Process.Current), token, CapType.Any, 0, out CapCell* from);
        if (r != 0)
            return r;
        r = Free(Process.Index(Process.Current), slot, out CapCell* to);
        if (r != 0)
            return r;
        byte generation = to->Generation;
        *to = *from;
        to->Generation = generation;
        ushort me = (ushort)(Index(to) + 1);
        if (to->Prev != 0)
            Cell(to->Prev - 1)->Next = me;
        else if (to->Parent != 0)
            Cell(to->Parent - 1)->FirstChild = me;
        if (to->Next != 0)
            Cell(to->Next - 1)->Prev = me;
        for (ushort child = to->FirstChild; child != 0; child = Cell(child - 1)->Next)
            Cell(child - 1)->Parent = me;
        Empty(from);
        return Token(to);
    }

    /// <summary>cap_delete(token).</summary>
    public static long Delete(ulong token)
    {
        long r = Lookup(Process.Index(Process.Current), token, CapType.Any, 0, out CapCell* c);
        if (r != 0)
            return r;
        Remove(c);
        return 0;
    }

    /// <summary>cap_revoke(token): every descendant goes, deepest first; the capability stays.</summary>
    public static long Revoke(ulong token)
    {
        long r = Lookup(Process.Index(Process.Current), token, CapType.Any, 0, out CapCell* c);
        if (r != 0)
            return r;
        RevokeCell(c);
        return 0;
    }

    public static void RevokeCell(CapCell* c)
    {
        while (c->FirstChild != 0)
        {
            CapCell* leaf = Cell(c->FirstChild - 1);
            while (leaf->FirstChild != 0)
                leaf = Cell(leaf->FirstChild - 1);
            Remove(leaf);
        }
    }

    /// <summary>cap_identify(token, info): { type, rights, badge, object } (a process's object is its pid).</summary>
    public static long Identify(ulong token, ulong info)
    {
        long r = Lookup(Process.Index(Process.Current), token, CapType.Any, 0, out CapCell* c);
        if (r != 0)
            return r;
        ulong* words = stackalloc ulong[4];
        words[0] = c->Type;
        words[1] = c->Rights;
        words[2] = c->Type == CapType.Process ? 0 : c->Badge;
        words[3] = c->Type == CapType.Process ? c->Badge : c->Object;
        return UserMemory.CopyOut(Process.Root, info, (byte*)words, 32) ? 0 : -Errno.EFAULT;
    }

    /// <summary>Deletes a cell: its children move up to its parent (or become roots), the object loses a reference.</summary>
    public static void Remove(CapCell* c)
    {
        ushort parent = c->Parent;
        ushort child = c->FirstChild;
        while (child != 0)
        {
            CapCell* k = Cell(child - 1);
            ushort next = k->Next;
            k->Parent = 0;
            k->Next = k->Prev = 0;
            if (parent != 0)
                Link(k, Cell(parent - 1));
            child = next;
        }
        c->FirstChild = 0;
        Unlink(c);
        byte type = c->Type;
        uint obj = c->Object;
        Empty(c);
        Objects.Reference(type, obj, -1);
    }

    private static void Empty(CapCell* c)
    {
        byte generation = (byte)(c->Generation + 1);
        *c = default;
        c->Generation = generation;
    }

    /// <summary>Makes <paramref name="c"/> the first child of <paramref name="parent"/>.</summary>
    private static void Link(CapCell* c, CapCell* parent)
    {
        ushort me = (ushort)(Index(c) + 1);
        c->Parent = (ushort)(Index(parent) + 1);
        c->Prev = 0;
        c->Next = parent->FirstChild;
        if (parent->FirstChild != 0)
            Cell(parent->FirstChild - 1)->Prev = me;
        parent->FirstChild = me;
    }

    private static void Unlink(CapCell* c)
    {
        if (c->Prev != 0)
            Cell(c->Prev - 1)->Next = c->Next;
        else if (c->Parent != 0)
            Cell(c->Parent - 1)->FirstChild = c->Next;
        if (c->Next != 0)
            Cell(c->Next - 1)->Prev = c->Prev;
        c->Parent = c->Next = c->Prev = 0;
    }

    /// <summary>A new process's CNode: empty but for slot 1, its own process capability (object: its table index; badge: its pid), token <c>1 | 2 &lt;&lt; 56 | 15 &lt;&lt; 60</c>.</summary>
    public static void InitSpace(ProcessSlot* p)
    {
        int process = Process.Index(p);
        for (int s = 0; s < Slots; s++)
        {
            if (At(process, s)->Used != 0)
                Remove(At(process, s));
        }
        // Slot 1's token is the same in every process (generation 0): a token is only ever meaningful in its own CNode.
        At(process, 1)->Generation = 0;
        Fill(At(process, 1), CapType.Process, Rights.All, (uint)process, p->Pid, null);
    }

    /// <summary>fork: the child's CNode holds a derived copy of each of the parent's capabilities, in the same slots with the same generations, but slot 1.</summary>
    public static void ForkSpace(ProcessSlot* parent, ProcessSlot* child)
    {
        InitSpace(child);
        int from = Process.Index(parent), to = Process.Index(child);
        for (int s = 2; s < Slots; s++)
        {
            CapCell* source = At(from, s);
            if (source->Used == 0)
                continue;
            CapCell* c = At(to, s);
            c->Generation = source->Generation;
            Fill(c, source->Type, source->Rights, source->Object, source->Badge, source);
        }
    }

    /// <summary>exit: every capability of the process goes.</summary>
    public static void ClearSpace(ProcessSlot* p)
    {
        int process = Process.Index(p);
        for (int s = 1; s < Slots; s++)
        {
            if (At(process, s)->Used != 0)
                Remove(At(process, s));
        }
    }
}
