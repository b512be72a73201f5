using System;

namespace Veridian.Kernel;

/// <summary>
/// The in-kernel self-tests of the boot log (<c>name...[ok]</c> / <c>name...[failed]</c>): each checks a part of the
/// kernel against the machine it booted on or against an input built here, so each can fail.
/// </summary>
static unsafe class SelfTests
{
    public static int Passed;
    public static int Total;

    public static void Run()
    {
        Check("frames: 64 allocations are distinct, aligned, in RAM and marked in use"u8, FramesDistinct());
        Check("frames: a double free and a foreign address are refused"u8, FramesRefuseBadFree());
        Check("frames: every free frame is allocated once, writable, then all come back"u8, FramesExhaust());
        Check("frames: the kernel image and the boot structures are never handed out"u8, FramesReserved());
        Check("paging: the kernel's tables are W^X: code RX, read-only data R, data RW, RAM RW in the direct map only"u8, KernelSpaceIsWxorX());
        Check("paging: a page mapped at a fresh address reads and writes its frame through the MMU"u8, FreshMappingWorks());
        Check("paging: an address space maps, translates, unmaps and gives back every table frame"u8, AddressSpaceLifecycle());
        Check("device tree: a built tree reads back its memory and boot module"u8, DeviceTreeReads());
        Check("device tree: a truncated or corrupt tree is refused"u8, DeviceTreeRefusesCorrupt());
        Check("cpio: a built archive lists its files and finds one by path"u8, CpioReads());
        Check("cpio: a truncated or corrupt archive is refused"u8, CpioRefusesCorrupt());
        Check("traps: a breakpoint traps and resumes after the instruction"u8, BreakpointResumes());
        Check("timer: the periodic interrupt ticks while the CPU waits"u8, TimerTicks());
        Check("clock: the monotonic clock agrees with the timer and civil dates convert to Unix time"u8, ClockAgrees());
        if (Kernel.Boot.ModuleSize != 0)
            Check("boot module: a well-formed newc archive"u8, BootModuleIsWellFormed());
    }

    private static void Check(ReadOnlySpan<byte> name, bool ok)
    {
        Total++;
        if (ok)
            Passed++;
        Log.Write(name);
        Log.Line(ok ? "...[ok]"u8 : "...[failed]"u8);
    }

    private static bool FramesDistinct()
    {
        ulong* got = stackalloc ulong[64];
        ulong before = Frames.Free;
        bool ok = true;
        for (int i = 0; i < 64; i++)
        {
            got[i] = Frames.Allocate();
            ok &= got[i] != 0 && (got[i] & (Frames.Size - 1)) == 0 && Frames.InUse(got[i]) && InRam(got[i]);
            for (int j = 0; j < i; j++)
                ok &= got[j] != got[i];
        }
        ok &= Frames.Free == before - 64;
        for (int i = 0; i < 64; i++)
            ok &= Frames.Release(got[i]);
        return ok && Frames.Free == before;
    }

    private static bool FramesRefuseBadFree()
    {
        ulong before = Frames.Free;
        ulong frame = Frames.Allocate();
        bool ok = frame != 0 && Frames.Release(frame) && !Frames.Release(frame);
        ok &= !Frames.Release(frame + 8) && !Frames.Release(Frames.Base + Frames.Span * Frames.Size) && !Frames.Release(Machine.ImageStart());
        return ok && Frames.Free == before;
    }

    /// <summary>Allocates until none is left, threading a list through the frames themselves (so each is written), then frees the list.</summary>
    private static bool FramesExhaust()
    {
        ulong before = Frames.Free, count = 0, head = 0;
        bool ok = true;
        for (ulong frame = Frames.Allocate(); frame != 0; frame = Frames.Allocate())
        {
            ulong* p = (ulong*)Physical.ToVirtual(frame);
            p[0] = head;
            p[511] = ~frame;
            head = frame;
            count++;
        }
        ok &= count == before && Frames.Free == 0;
        while (head != 0)
        {
            ulong* p = (ulong*)Physical.ToVirtual(head);
            ulong next = p[0];
            ok &= p[511] == ~head && Frames.Release(head);
            head = next;
        }
        return ok && Frames.Free == before;
    }

    private static bool FramesReserved()
    {
        bool ok = Frames.InUse(Machine.ImageStart()) && Frames.InUse(Machine.ImageEnd() - 1);
        ref BootInfo boot = ref Kernel.Boot;
        for (int i = 0; i < boot.ReservedCount; i++)
        {
            ulong start = boot.Reserved[i * 2], size = boot.Reserved[i * 2 + 1];
            ok &= Frames.InUse(start) && Frames.InUse(start + size - 1);
        }
        return ok;
    }

    private static bool BreakpointResumes()
    {
        ulong before = Traps.Breakpoints;
        Machine.Breakpoint();
        Machine.Breakpoint();
        return Traps.Breakpoints == before + 2;
    }

    /// <summary>Waits (interrupts on) until three ticks have passed; a dead timer leaves the CPU waiting, and the runner's timeout fails the boot.</summary>
    private static bool TimerTicks()
    {
        ulong start = Traps.Ticks;
        while (Traps.Ticks < start + 3)
            Veridian.Intrinsics.Cpu.WaitForInterrupt();
        return Traps.Ticks >= start + 3;
    }

    /// <summary>
    /// Three ticks (30 ms at 100 Hz) measured on the monotonic clock: at least 20 ms, at most 1 s (a late tick on a
    /// loaded host only lengthens it; a wrong counter rate, such as a bad TSC calibration, is off by far more).
    /// </summary>
    private static bool ClockAgrees()
    {
        ulong t = Traps.Ticks;
        while (Traps.Ticks == t)
            Veridian.Intrinsics.Cpu.WaitForInterrupt();
        ulong start = Clock.Monotonic();
        t = Traps.Ticks;
        while (Traps.Ticks < t + 3)
            Veridian.Intrinsics.Cpu.WaitForInterrupt();
        ulong elapsed = Clock.Monotonic() - start;
        return elapsed >= 20_000_000 && elapsed <= 1_000_000_000
            && Clock.EpochSeconds(1970, 1, 1, 0, 0, 0) == 0
            && Clock.EpochSeconds(2000, 3, 1, 0, 0, 0) == 951868800
            && Clock.EpochSeconds(2024, 2, 29, 23, 59, 59) == 1709251199
            && Clock.EpochSeconds(2026, 12, 4, 18, 45, 7) == 1796409907;
    }

    private static bool KernelSpaceIsWxorX()
    {
        ulong root = KernelSpace.Root;
        PageTables.Census(root, out ulong pages, out ulong wx);
        bool ok = pages > 1000 && wx == 0;
        ok &= PageTables.Translate(root, Machine.ImageStart(), out PageFlags code) == Machine.ImageStart() && code == PageFlags.Execute;
        ok &= PageTables.Translate(root, Machine.TextEnd(), out PageFlags rodata) == Machine.TextEnd() && rodata == PageFlags.None;
        ok &= PageTables.Translate(root, Machine.DataStart(), out PageFlags data) == Machine.DataStart() && data == PageFlags.Write;
        ulong frame = Frames.Allocate();
        ok &= PageTables.Translate(root, Physical.DirectMapBase + frame, out PageFlags ram) == frame && ram == PageFlags.Write;
        ok &= PageTables.Translate(root, frame, out _) == ulong.MaxValue; // RAM is not identity-mapped: the lower half is user space's
        ok &= PageTables.Translate(root, Physical.DirectMapBase + Machine.ImageStart(), out _) == ulong.MaxValue; // no writable alias of the code
        Frames.Release(frame);
        return ok && PageTables.Translate(root, 0, out _) == ulong.MaxValue;
    }

    /// <summary>Maps a frame at an address nothing else uses, writes through that address, reads the frame through the identity map.</summary>
    private static bool FreshMappingWorks()
    {
        const ulong Window = 0x0000_7000_0000_0000;
        ulong before = Frames.Free;
        ulong frame = Frames.AllocateZeroed();
        if (frame == 0 || !PageTables.Map(KernelSpace.Root, Window, frame, PageFlags.Write))
            return false;
        Machine.FlushTlb(Window); // a new entry is visible to the walker only after the barrier (aarch64, riscv64)
        ulong* through = (ulong*)Window;
        through[7] = 0x5EED_F00D;
        bool ok = ((ulong*)Physical.ToVirtual(frame))[7] == 0x5EED_F00D;
        ok &= PageTables.Unmap(KernelSpace.Root, Window) == frame;
        Machine.FlushTlb(Window);
        Frames.Release(frame);
        // The tables made for the window stay (they belong to the kernel space): at most three.
        return ok && before - Frames.Free <= 3;
    }

    private static bool AddressSpaceLifecycle()
    {
        ulong before = Frames.Free;
        ulong root = PageTables.NewRoot();
        ulong frame = Frames.Allocate();
        bool ok = root != 0 && frame != 0;
        for (ulong i = 0; ok && i < 64; i++)
            ok = PageTables.Map(root, 0x400000 + i * 0x1_0000_1000, frame, PageFlags.User | (i % 2 == 0 ? PageFlags.Execute : PageFlags.Write));
        ok &= !PageTables.Map(root, 0x400000, frame, PageFlags.User);            // already mapped
        ok &= !PageTables.Map(root, 0x400001, frame, PageFlags.User);            // unaligned
        ok &= PageTables.Translate(root, 0x400000 + 0x123, out PageFlags flags) == frame + 0x123 && flags == (PageFlags.User | PageFlags.Execute);
        ok &= PageTables.Translate(root, 0x400000 + 0x1_0000_1000, out flags) == frame && flags == (PageFlags.User | PageFlags.Write);
        ok &= PageTables.Unmap(root, 0x400000) == frame && PageTables.Translate(root, 0x400000, out _) == ulong.MaxValue;
        PageTables.Destroy(root);
        Frames.Release(frame);
        return ok && Frames.Free == before;
    }

    private static bool InRam(ulong address)
    {
        ref BootInfo boot = ref Kernel.Boot;
        for (int i = 0; i < boot.RamCount; i++)
        {
            if (address >= boot.Ram[i * 2] && address - boot.Ram[i * 2] < boot.Ram[i * 2 + 1])
                return true;
        }
        return false;
    }

    // A device tree as QEMU writes one, reduced: / { #address-cells = 2; #size-cells = 2;
    // memory@40000000 { reg = <0 0x40000000 0 0x8000000>; }; chosen { linux,initrd-start = <0x48000000>; linux,initrd-end = <0x48001000>; }; };
    private static uint BuildTree(byte* b)
    {
        Memory.Zero(b, 512);
        uint at = 40;
        // Memory reservation block: one entry, then the terminator.
        Put64(b, at, 0x4F000000); Put64(b, at + 8, 0x1000); at += 32;
        uint structStart = at;
        Put32(b, at, 1); at += 8; // FDT_BEGIN_NODE, name "" padded to 4
        at = Prop(b, at, 0, 2);  // #address-cells
        at = Prop(b, at, 15, 2); // #size-cells
        Put32(b, at, 1); at += 4; at = Name(b, at, "memory@40000000"u8);
        Put32(b, at, 3); Put32(b, at + 4, 16); Put32(b, at + 8, 27); // reg, 16 bytes
        Put64(b, at + 12, 0x40000000); Put64(b, at + 20, 0x8000000); at += 28;
        Put32(b, at, 2); at += 4; // FDT_END_NODE
        Put32(b, at, 1); at += 4; at = Name(b, at, "chosen"u8);
        at = Prop(b, at, 31, 0x48000000);
        at = Prop(b, at, 50, 0x48001000);
        Put32(b, at, 2); at += 4;
        Put32(b, at, 2); at += 4; // end of /
        Put32(b, at, 9); at += 4; // FDT_END
        uint structSize = at - structStart;
        uint strings = at;
        ReadOnlySpan<byte> names = "#address-cells\0#size-cells\0reg\0linux,initrd-start\0linux,initrd-end\0"u8;
        for (int i = 0; i < names.Length; i++)
            b[strings + i] = names[i];
        uint total = strings + (uint)names.Length;
        Put32(b, 0, DeviceTree.Magic); Put32(b, 4, total); Put32(b, 8, structStart); Put32(b, 12, strings);
        Put32(b, 16, 40); Put32(b, 20, 17); Put32(b, 24, 16); Put32(b, 32, (uint)names.Length); Put32(b, 36, structSize);
        return total;
    }

    private static uint Prop(byte* b, uint at, uint nameOffset, uint value)
    {
        Put32(b, at, 3); Put32(b, at + 4, 4); Put32(b, at + 8, nameOffset); Put32(b, at + 12, value);
        return at + 16;
    }

    private static uint Name(byte* b, uint at, ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < name.Length; i++)
            b[at + i] = name[i];
        b[at + name.Length] = 0;
        return (at + (uint)name.Length + 1 + 3) & ~3u;
    }

    private static void Put32(byte* b, uint at, uint v)
    {
        b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v;
    }

    private static void Put64(byte* b, uint at, ulong v)
    {
        Put32(b, at, (uint)(v >> 32));
        Put32(b, at + 4, (uint)v);
    }

    private static bool DeviceTreeReads()
    {
        byte* b = stackalloc byte[512];
        uint total = BuildTree(b);
        var boot = new BootInfo();
        return DeviceTree.Read(b, total, ref boot) && boot.RamCount == 1 && boot.Ram[0] == 0x40000000 && boot.Ram[1] == 0x8000000
            && boot.ModuleBase == 0x48000000 && boot.ModuleSize == 0x1000
            && boot.ReservedCount == 3 && boot.Reserved[2] == 0x4F000000 && boot.Reserved[3] == 0x1000;
    }

    private static bool DeviceTreeRefusesCorrupt()
    {
        byte* b = stackalloc byte[512];
        uint total = BuildTree(b);
        var boot = new BootInfo();
        bool ok = !DeviceTree.Read(b, total - 1, ref boot); // the blob says it is longer than what is there
        Put32(b, 36, total);                               // the structure block runs past the blob
        ok &= !DeviceTree.Read(b, total, ref boot);
        total = BuildTree(b);
        Put32(b, 40 + 32 + 8 + 16 + 16 + 20 + 4, 0xFFFF);   // the memory node's reg length runs past the block
        ok &= !DeviceTree.Read(b, total, ref boot);
        total = BuildTree(b);
        b[0] = 0;                                          // not a device tree
        return ok && !DeviceTree.Read(b, total, ref boot);
    }

    // Two files and a directory in newc format, then the trailer.
    private static ulong BuildArchive(byte* b)
    {
        Memory.Zero(b, 1024);
        ulong at = 0;
        at = Entry(b, at, "."u8, 0x41ED, ""u8);
        at = Entry(b, at, "init"u8, 0x81ED, "\u007FELF"u8);
        at = Entry(b, at, "etc/motd"u8, 0x81A4, "hello from the boot module\n"u8);
        return Entry(b, at, "TRAILER!!!"u8, 0, ""u8);
    }

    private static ulong Entry(byte* b, ulong at, ReadOnlySpan<byte> name, uint mode, ReadOnlySpan<byte> data)
    {
        byte* h = b + at;
        ReadOnlySpan<byte> magic = "070701"u8;
        for (int i = 0; i < 6; i++)
            h[i] = magic[i];
        for (int field = 0; field < 13; field++)
        {
            uint value = field == 1 ? mode : field == 6 ? (uint)data.Length : field == 11 ? (uint)name.Length + 1 : 0;
            for (int d = 0; d < 8; d++)
                h[6 + field * 8 + d] = "0123456789ABCDEF"u8[(int)((value >> (28 - d * 4)) & 0xF)];
        }
        ulong p = at + 110;
        for (int i = 0; i < name.Length; i++)
            b[p + (ulong)i] = name[i];
        b[p + (ulong)name.Length] = 0;
        p = (p + (ulong)name.Length + 1 + 3) & ~3UL;
        for (int i = 0; i < data.Length; i++)
            b[p + (ulong)i] = data[i];
        return (p + (ulong)data.Length + 3) & ~3UL;
    }

    private static bool CpioReads()
    {
        byte* b = stackalloc byte[1024];
        ulong size = BuildArchive(b);
        var reader = new CpioReader(b, size);
        int entries = 0;
        while (reader.Next(out _, out _, out _, out _, out _))
            entries++;
        bool ok = entries == 3 && !reader.Malformed;
        ok &= CpioReader.Find(b, size, "/etc/motd"u8, out byte* data, out ulong length) && length == 27 && data[0] == 'h' && data[26] == '\n';
        ok &= CpioReader.Find(b, size, "init"u8, out data, out length) && length == 4 && data[1] == 'E';
        return ok && !CpioReader.Find(b, size, "etc"u8, out _, out _) && !CpioReader.Find(b, size, "missing"u8, out _, out _);
    }

    private static bool CpioRefusesCorrupt()
    {
        byte* b = stackalloc byte[1024];
        ulong size = BuildArchive(b);
        var truncated = new CpioReader(b, size - 200);
        while (truncated.Next(out _, out _, out _, out _, out _)) { }
        BuildArchive(b);
        b[112 + 6 + 6 * 8] = (byte)'x'; // the second entry (at 112, after ".") has a filesize that is not hexadecimal
        var corrupt = new CpioReader(b, size);
        while (corrupt.Next(out _, out _, out _, out _, out _)) { }
        return truncated.Malformed && corrupt.Malformed;
    }

    private static bool BootModuleIsWellFormed()
    {
        ref BootInfo boot = ref Kernel.Boot;
        var reader = new CpioReader(Physical.ToVirtual(boot.ModuleBase), boot.ModuleSize);
        while (reader.Next(out _, out _, out _, out _, out _)) { }
        return !reader.Malformed;
    }
}
