namespace Veridian.Kernel;

/// <summary>
/// The argument and environment strings a process starts with, gathered into one kernel frame before the old address
/// space goes: argc strings, then envc strings, each NUL-terminated, back to back (docs/abi.md). exec(path, argv, envp)
/// takes them from the caller's memory; /init takes them from the boot module's <c>boot/init-args</c>
/// (docs/boot-image.md), else argv = {"/init"}.
/// </summary>
unsafe struct ArgumentBlock
{
    /// <summary>A frame's kernel address (one page: the strings may not exceed it, else E2BIG).</summary>
    public byte* Strings;
    public ulong Frame, Length;
    public ulong ArgCount, EnvCount;
}

static unsafe class Arguments
{
    /// <summary>The most argument plus environment strings a process can start with (the vectors' words then fill at most a quarter of the stack).</summary>
    public const ulong MaxStrings = 2048;

    /// <summary>An empty block in a new frame; false when no frame is left.</summary>
    public static bool Begin(ArgumentBlock* block)
    {
        block->Frame = Frames.AllocateZeroed();
        block->Strings = block->Frame == 0 ? null : Physical.ToVirtual(block->Frame);
        block->Length = block->ArgCount = block->EnvCount = 0;
        return block->Frame != 0;
    }

    public static void End(ArgumentBlock* block)
    {
        if (block->Frame != 0)
            Frames.Release(block->Frame);
        block->Frame = 0;
    }

    /// <summary>Appends one string (argument or environment as <paramref name="environment"/> says); 0 or -E2BIG.</summary>
    public static long Add(ArgumentBlock* block, byte* text, ulong length, bool environment)
    {
        if (block->ArgCount + block->EnvCount >= MaxStrings || length + 1 > PageTables.PageSize - block->Length)
            return -Errno.E2BIG;
        Memory.Copy(block->Strings + block->Length, text, length);
        block->Strings[block->Length + length] = 0;
        Count(block, length, environment);
        return 0;
    }

    /// <summary>Takes in the string of <paramref name="length"/> bytes (and its NUL) just written at the block's end.</summary>
    private static void Count(ArgumentBlock* block, ulong length, bool environment)
    {
        block->Length += length + 1;
        if (environment)
            block->EnvCount++;
        else
            block->ArgCount++;
    }

    /// <summary>Appends the strings of the current process's NULL-terminated vector at <paramref name="vector"/>; 0, -EFAULT or -E2BIG.</summary>
    public static long AddUserVector(ArgumentBlock* block, ulong vector, bool environment)
    {
        for (ulong i = 0; ; i++)
        {
            ulong pointer;
            if (!UserMemory.CopyIn((byte*)&pointer, vector + i * 8, 8))
                return -Errno.EFAULT;
            if (pointer == 0)
                return 0;
            // Straight into the frame: a string may be as long as the room left.
            ulong room = PageTables.PageSize - block->Length;
            long length = UserMemory.CopyInString(block->Strings + block->Length, pointer, (int)room);
            if (length == -Errno.ENAMETOOLONG || (length >= 0 && block->ArgCount + block->EnvCount >= MaxStrings))
                return -Errno.E2BIG;
            if (length < 0)
                return length;
            Count(block, (ulong)length, environment);
        }
    }

    /// <summary>
    /// /init's block from the boot module's <c>boot/init-args</c>: NUL-terminated strings, the first argc in decimal,
    /// then argc arguments, then the environment; without the file, argv = {<paramref name="path"/>}. 0, -EINVAL for a
    /// malformed file, or -E2BIG.
    /// </summary>
    public static long FromBootModule(ArgumentBlock* block, System.ReadOnlySpan<byte> path)
    {
        ref BootInfo boot = ref Kernel.Boot;
        if (boot.ModuleSize == 0 || !CpioReader.Find(Physical.ToVirtual(boot.ModuleBase), boot.ModuleSize, "boot/init-args"u8, out byte* data, out ulong size))
        {
            fixed (byte* p = path)
                return Add(block, p, (ulong)path.Length, environment: false);
        }
        if (size == 0 || data[size - 1] != 0)
            return -Errno.EINVAL;
        ulong at = 0, argc = 0;
        for (; data[at] != 0; at++)
        {
            if (data[at] < (byte)'0' || data[at] > (byte)'9' || argc > MaxStrings)
                return -Errno.EINVAL;
            argc = argc * 10 + (ulong)(data[at] - '0');
        }
        if (at == 0 || argc == 0)
            return -Errno.EINVAL;
        at++;
        for (ulong n = 0; at < size; n++)
        {
            ulong start = at;
            while (data[at] != 0)
                at++;
            long added = Add(block, data + start, at - start, environment: n >= argc);
            if (added != 0)
                return added;
            at++;
        }
        return block->ArgCount == argc ? 0 : -Errno.EINVAL;
    }

    /// <summary>
    /// Writes the block to the top of the stack of <paramref name="root"/> (already mapped): the strings at the top,
    /// below them argc, argv[], NULL, envp[], NULL with sp 16-byte aligned at argc. The initial sp, or 0 when the
    /// stack is too small for them.
    /// </summary>
    public static ulong WriteStack(ulong root, ArgumentBlock* block, ulong stackTop, ulong stackSize)
    {
        ulong strings = (stackTop - 16 - block->Length) & ~15UL;
        ulong words = 1 + block->ArgCount + 1 + block->EnvCount + 1;
        ulong sp = (strings - words * 8) & ~15UL;
        if (sp < stackTop - stackSize / 4 || !UserMemory.CopyOut(root, strings, block->Strings, block->Length))
            return 0;
        ulong word = block->ArgCount;
        UserMemory.CopyOut(root, sp, (byte*)&word, 8);
        ulong at = 0, va = sp + 8 + (block->ArgCount == 0 ? 8UL : 0);
        for (ulong i = 0; i < block->ArgCount + block->EnvCount; i++)
        {
            word = strings + at;
            UserMemory.CopyOut(root, va, (byte*)&word, 8);
            va += 8;
            while (block->Strings[at] != 0)
                at++;
            at++;
            if (i + 1 == block->ArgCount)
                va += 8; // argv's NULL (the stack is zeroed)
        }
        return sp;
    }
}
