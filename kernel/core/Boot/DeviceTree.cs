namespace Veridian.Kernel;

/// <summary>
/// A bounds-checked reader of a flattened device tree (Devicetree Specification v0.4, chapter 5): the header,
/// the memory reservation block and the structure block, read in one pass for what the kernel needs —
/// <c>/memory*</c> <c>reg</c>, <c>/reserved-memory/*</c> <c>reg</c>, <c>/chosen</c> <c>linux,initrd-start</c> /
/// <c>-end</c> (4 or 8 bytes: QEMU versions differ) and <c>/cpus</c> <c>timebase-frequency</c>. Every offset and
/// length is checked against the blob's size before it is read; a malformed tree is refused, never followed.
/// </summary>
static unsafe class DeviceTree
{
    public const uint Magic = 0xD00DFEED;
    /// <summary>Larger blobs are refused (QEMU's are under 1 MiB; the bound keeps a corrupt size from mapping everything).</summary>
    public const uint MaxSize = 2u << 20;

    private const uint BeginNode = 1, EndNode = 2, Prop = 3, Nop = 4, End = 9;
    private const int MaxDepth = 16;

    /// <summary>The blob's total size, or 0 when <paramref name="blob"/> is not a device tree this reader accepts.</summary>
    public static uint Validate(byte* blob, uint available)
    {
        if (blob == null || available < 40 || Be32(blob) != Magic)
            return 0;
        uint total = Be32(blob + 4);
        uint structOff = Be32(blob + 8), stringsOff = Be32(blob + 12), rsvOff = Be32(blob + 16);
        uint version = Be32(blob + 20), lastCompatible = Be32(blob + 24);
        uint stringsSize = Be32(blob + 32), structSize = Be32(blob + 36);
        if (total < 40 || total > available || total > MaxSize || lastCompatible > 17 || version < 16)
            return 0;
        if (!Within(structOff, structSize, total) || !Within(stringsOff, stringsSize, total) || rsvOff >= total || (structOff & 3) != 0 || (rsvOff & 7) != 0)
            return 0;
        return total;
    }

    /// <summary>Reads memory, reservations, the boot module and the timebase into <paramref name="boot"/>; false when the tree is malformed.</summary>
    public static bool Read(byte* blob, uint available, ref BootInfo boot)
    {
        uint total = Validate(blob, available);
        if (total == 0)
            return false;
        boot.Protocol = BootProtocol.DeviceTree;
        boot.DeviceTree = (ulong)blob;
        boot.Reserve((ulong)blob, total);

        // The memory reservation block: (address, size) pairs of big-endian u64, ended by a zero pair.
        for (uint off = Be32(blob + 16); ; off += 16)
        {
            if (off + 16 > total)
                return false;
            ulong address = Be64(blob + off), size = Be64(blob + off + 8);
            if (address == 0 && size == 0)
                break;
            boot.Reserve(address, size);
        }

        uint structOff = Be32(blob + 8), structEnd = structOff + Be32(blob + 36);
        uint stringsOff = Be32(blob + 12), stringsSize = Be32(blob + 32);
        // #address-cells / #size-cells a node sets for its children, per depth; the spec's defaults are 2 and 1.
        uint* addressCells = stackalloc uint[MaxDepth + 1];
        uint* sizeCells = stackalloc uint[MaxDepth + 1];
        // What each open node is, by depth: 0 other, 1 memory, 2 chosen, 3 reserved-memory, 4 cpus.
        byte* kind = stackalloc byte[MaxDepth + 1];
        addressCells[0] = 2;
        sizeCells[0] = 1;
        kind[0] = 0;
        int depth = -1;
        ulong initrdStart = 0, initrdEnd = 0;
        bool haveStart = false, haveEnd = false;
        uint off2 = structOff;
        while (true)
        {
            if (off2 + 4 > structEnd)
                return false;
            uint token = Be32(blob + off2);
            off2 += 4;
            if (token == BeginNode)
            {
                uint nameStart = off2;
                while (off2 < structEnd && blob[off2] != 0)
                    off2++;
                if (off2 >= structEnd)
                    return false;
                uint nameLength = off2 - nameStart;
                off2 = Align4(off2 + 1);
                depth++;
                if (depth > MaxDepth - 1)
                    return false;
                // Children inherit the defaults until the node says otherwise.
                addressCells[depth + 1] = 2;
                sizeCells[depth + 1] = 1;
                byte* name = blob + nameStart;
                kind[depth] = depth == 1 && NameIs(name, nameLength, "memory"u8) ? (byte)1
                    : depth == 1 && NameIs(name, nameLength, "chosen"u8) ? (byte)2
                    : depth == 1 && NameIs(name, nameLength, "reserved-memory"u8) ? (byte)3
                    : depth == 1 && NameIs(name, nameLength, "cpus"u8) ? (byte)4
                    : depth == 2 && kind[1] == 3 ? (byte)5
                    : (byte)0;
            }
            else if (token == EndNode)
            {
                if (depth < 0)
                    return false;
                depth--;
            }
            else if (token == Prop)
            {
                if (off2 + 8 > structEnd || depth < 0)
                    return false;
                uint length = Be32(blob + off2), nameOff = Be32(blob + off2 + 4);
                off2 += 8;
                if (length > structEnd - off2 || nameOff >= stringsSize)
                    return false;
                byte* value = blob + off2;
                byte* propName = blob + stringsOff + nameOff;
                uint propNameMax = stringsSize - nameOff;
                off2 = Align4(off2 + length);
                if (off2 > structEnd)
                    return false;

                if (PropIs(propName, propNameMax, "#address-cells"u8) && length == 4)
                    addressCells[depth + 1] = Be32(value);
                else if (PropIs(propName, propNameMax, "#size-cells"u8) && length == 4)
                    sizeCells[depth + 1] = Be32(value);
                else if (PropIs(propName, propNameMax, "reg"u8) && (kind[depth] == 1 || kind[depth] == 5))
                {
                    uint ac = addressCells[depth], sc = sizeCells[depth];
                    if (ac == 0 || ac > 2 || sc > 2)
                        return false;
                    uint entry = (ac + sc) * 4;
                    for (uint at = 0; at + entry <= length; at += entry)
                    {
                        ulong address = Cells(value + at, ac), size = Cells(value + at + ac * 4, sc);
                        if (kind[depth] == 1)
                            boot.AddRam(address, size);
                        else
                            boot.Reserve(address, size);
                    }
                }
                else if (kind[depth] == 2 && PropIs(propName, propNameMax, "linux,initrd-start"u8) && (length == 4 || length == 8))
                {
                    initrdStart = Cells(value, length / 4);
                    haveStart = true;
                }
                else if (kind[depth] == 2 && PropIs(propName, propNameMax, "linux,initrd-end"u8) && (length == 4 || length == 8))
                {
                    initrdEnd = Cells(value, length / 4);
                    haveEnd = true;
                }
                else if (kind[depth] == 4 && PropIs(propName, propNameMax, "timebase-frequency"u8) && (length == 4 || length == 8))
                    boot.TimebaseFrequency = Cells(value, length / 4);
            }
            else if (token == Nop)
            {
            }
            else if (token == End)
            {
                break;
            }
            else
            {
                return false;
            }
        }
        if (depth != -1)
            return false;
        if (haveStart && haveEnd && initrdEnd > initrdStart)
        {
            boot.ModuleBase = initrdStart;
            boot.ModuleSize = initrdEnd - initrdStart;
            boot.Reserve(initrdStart, initrdEnd - initrdStart);
        }
        return true;
    }

    public static uint Be32(byte* p) => (uint)p[0] << 24 | (uint)p[1] << 16 | (uint)p[2] << 8 | p[3];

    public static ulong Be64(byte* p) => (ulong)Be32(p) << 32 | Be32(p + 4);

    private static ulong Cells(byte* p, uint cells) => cells == 2 ? Be64(p) : cells == 1 ? Be32(p) : 0;

    private static bool Within(uint offset, uint size, uint total) => offset <= total && size <= total - offset;

    private static uint Align4(uint offset) => (offset + 3) & ~3u;

    /// <summary>A node name equals <paramref name="expected"/> or is <c>expected@unit-address</c>.</summary>
    private static bool NameIs(byte* name, uint length, System.ReadOnlySpan<byte> expected)
    {
        if (length < (uint)expected.Length)
            return false;
        for (int i = 0; i < expected.Length; i++)
        {
            if (name[i] != expected[i])
                return false;
        }
        return length == (uint)expected.Length || name[expected.Length] == (byte)'@';
    }

    /// <summary>A NUL-terminated property name in the strings block (at most <paramref name="max"/> bytes readable) equals <paramref name="expected"/>.</summary>
    private static bool PropIs(byte* name, uint max, System.ReadOnlySpan<byte> expected)
    {
        if (max < (uint)expected.Length + 1)
            return false;
        for (int i = 0; i < expected.Length; i++)
        {
            if (name[i] != expected[i])
                return false;
        }
        return name[expected.Length] == 0;
    }
}
