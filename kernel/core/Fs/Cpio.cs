using System;

namespace Veridian.Kernel;

/// <summary>
/// The boot module's format (docs/boot-image.md): a cpio archive in the "newc" format (magic <c>070701</c>, a
/// 110-byte header of ASCII hexadecimal fields, the NUL-terminated name, padding to 4, the data, padding to 4),
/// ended by the entry <c>TRAILER!!!</c>. Read in place and bounds-checked: a field that is not hexadecimal, a
/// name or a file that runs past the archive, ends the walk as malformed.
/// </summary>
unsafe struct CpioReader
{
    private const int HeaderSize = 110;

    private readonly byte* _archive;
    private readonly ulong _size;
    private ulong _offset;

    public CpioReader(byte* archive, ulong size)
    {
        _archive = archive;
        _size = size;
        _offset = 0;
    }

    /// <summary>True once <see cref="Next"/> met something that is not a valid newc archive.</summary>
    public bool Malformed;

    /// <summary>
    /// The next entry: its path (without a leading <c>./</c> or <c>/</c>), mode, data and size. False at the
    /// trailer, at the end, or on a malformed entry (<see cref="Malformed"/> set).
    /// </summary>
    public bool Next(out byte* name, out ulong nameLength, out uint mode, out byte* data, out ulong size)
    {
        name = null;
        nameLength = 0;
        mode = 0;
        data = null;
        size = 0;
        if (_offset >= _size)
            return false;
        if (_size - _offset < HeaderSize)
            return Fail();
        byte* h = _archive + _offset;
        if (h[0] != '0' || h[1] != '7' || h[2] != '0' || h[3] != '7' || h[4] != '0' || h[5] != '1')
            return Fail();
        if (!Field(h, 1, out ulong m) || !Field(h, 6, out ulong fileSize) || !Field(h, 11, out ulong nameSize) || nameSize == 0)
            return Fail();
        ulong nameStart = _offset + HeaderSize;
        if (nameSize > _size - nameStart || _archive[nameStart + nameSize - 1] != 0)
            return Fail();
        ulong dataStart = Align4(nameStart + nameSize);
        if (dataStart > _size || fileSize > _size - dataStart)
            return Fail();
        name = _archive + nameStart;
        nameLength = nameSize - 1;
        if (Equals(name, nameLength, "TRAILER!!!"u8))
        {
            _offset = _size;
            return false;
        }
        while (nameLength >= 2 && name[0] == '.' && name[1] == '/')
        {
            name += 2;
            nameLength -= 2;
        }
        while (nameLength >= 1 && name[0] == '/')
        {
            name++;
            nameLength--;
        }
        mode = (uint)m;
        data = _archive + dataStart;
        size = fileSize;
        _offset = Align4(dataStart + fileSize);
        return true;
    }

    /// <summary>Finds a regular file by path (leading <c>/</c> optional).</summary>
    public static bool Find(byte* archive, ulong archiveSize, ReadOnlySpan<byte> path, out byte* data, out ulong size)
    {
        while (path.Length > 0 && path[0] == '/')
            path = path.Slice(1);
        var reader = new CpioReader(archive, archiveSize);
        while (reader.Next(out byte* name, out ulong nameLength, out uint mode, out data, out size))
        {
            if ((mode & 0xF000) == 0x8000 && Equals(name, nameLength, path))
                return true;
        }
        data = null;
        size = 0;
        return false;
    }

    public static bool Equals(byte* name, ulong length, ReadOnlySpan<byte> expected)
    {
        if (length != (ulong)expected.Length)
            return false;
        for (int i = 0; i < expected.Length; i++)
        {
            if (name[i] != expected[i])
                return false;
        }
        return true;
    }

    private bool Fail()
    {
        Malformed = true;
        _offset = _size;
        return false;
    }

    /// <summary>Header field <paramref name="index"/> (0 = ino … 12 = check), 8 hexadecimal digits after the 6-byte magic.</summary>
    private static bool Field(byte* header, int index, out ulong value)
    {
        value = 0;
        byte* p = header + 6 + index * 8;
        for (int i = 0; i < 8; i++)
        {
            byte c = p[i];
            uint digit = c >= '0' && c <= '9' ? (uint)(c - '0')
                : c >= 'a' && c <= 'f' ? (uint)(c - 'a' + 10)
                : c >= 'A' && c <= 'F' ? (uint)(c - 'A' + 10)
                : 16u;
            if (digit == 16)
                return false;
            value = value << 4 | digit;
        }
        return true;
    }

    private static ulong Align4(ulong offset) => (offset + 3) & ~3UL;
}
