using System;

namespace Veridian.Kernel;

/// <summary>
/// The portable kernel: the architecture's entry (<c>kstart</c> in arch/&lt;arch&gt;/) reads the boot protocol into
/// <see cref="Boot"/> and calls <see cref="Run"/>, which brings the kernel up in stages and prints upstream's boot
/// protocol on the console: <c>[BOOTSTRAP] Stage n: …</c>, one line per self-test ending <c>...[ok]</c> or
/// <c>...[failed]</c>, <c>[INIT] Results: passed/total passed</c>, then <c>BOOTOK</c> (power off, status 0) or
/// <c>BOOTFAIL</c> (status 1).
/// </summary>
static unsafe class Kernel
{
    /// <summary>The periodic timer's rate: the scheduler's tick.</summary>
    public const uint TimerHz = 100;

    /// <summary>The boot information the architecture's entry filled in.</summary>
    public static BootInfo Boot;

    /// <summary>Runs the static constructors (.init_array) — before anything reads a static field.</summary>
    public static void RunStaticConstructors(nuint start, nuint end)
    {
        for (var fn = (delegate* unmanaged<void>*)start; fn != (delegate* unmanaged<void>*)end; fn++)
            (*fn)();
    }

    public static void Run(bool bootInfoRead)
    {
        Stage(1, "console on "u8);
        Log.Write(Machine.Name);
        Log.Line(Machine.EntryNote);

        Stage(2, "boot information from "u8);
        if (!bootInfoRead)
        {
            Log.Line("the boot protocol: unreadable (no valid PVH start info or device tree)"u8);
            Halt(false);
        }
        Log.Write(Boot.Protocol == BootProtocol.Pvh ? "PVH start info: "u8 : "the device tree: "u8);
        Log.Size(Boot.TotalRam());
        Log.Write(" of RAM in "u8);
        Log.Decimal((ulong)Boot.RamCount);
        Log.Write(" region(s), "u8);
        Log.Decimal((ulong)Boot.ReservedCount);
        Log.Write(" reserved range(s), boot module "u8);
        if (Boot.ModuleSize == 0)
            Log.Line("none"u8);
        else
        {
            Log.Size(Boot.ModuleSize);
            Log.Write(" at "u8);
            Log.Hex(Boot.ModuleBase);
            Log.Char((byte)'\n');
        }
        if (Boot.ModuleSize != 0)
            ListBootModule();
        if (Boot.Dropped != 0)
        {
            Log.Write("warning: "u8);
            Log.Decimal((ulong)Boot.Dropped);
            Log.Line(" memory range(s) beyond the kernel's table were ignored"u8);
        }

        Stage(3, "physical memory: "u8);
        Boot.Reserve(Machine.ImageStart(), Machine.ImageEnd() - Machine.ImageStart());
        Frames.Init(ref Boot);
        Log.Decimal(Frames.Free);
        Log.Write(" free frames ("u8);
        Log.Size(Frames.Free * Frames.Size);
        Log.Write(") of "u8);
        Log.Decimal(Frames.Span);
        Log.Write(" from "u8);
        Log.Hex(Frames.Base);
        Log.Char((byte)'\n');
        if (Frames.Free == 0)
            Halt(false);

        Log.Write("[BOOTSTRAP] Stage 3: page tables: "u8);
        ulong freeBefore = Frames.Free;
        if (!KernelSpace.Build(ref Boot))
        {
            Log.Line("could not be built or made current"u8);
            Halt(false);
        }
        Log.Write(Machine.PagingName);
        Log.Write(", the kernel image W^X, RAM in the direct map without execute, in "u8);
        Log.Decimal(freeBefore - Frames.Free);
        Log.Line(" table frames"u8);
        Log.Write("[BOOTSTRAP] Stage 3: user-access protection: "u8);
        Log.Line(Machine.ProtectUserAccess());

        Stage(4, "traps: "u8);
        Machine.InitTraps();
        Log.Line("vectors installed"u8);

        Stage(5, "timer: "u8);
        Machine.StartTimer(TimerHz);
        Clock.Start();
        Machine.EnableInterrupts();
        Log.Write(Machine.TimerName);
        Log.Write(" at "u8);
        Log.Decimal(TimerHz);
        Log.Line(" Hz"u8);

        Stage(6, "self-tests"u8);
        Log.Char((byte)'\n');
        SelfTests.Run();
        Log.Write("[INIT] Results: "u8);
        Log.Decimal((ulong)SelfTests.Passed);
        Log.Char((byte)'/');
        Log.Decimal((ulong)SelfTests.Total);
        Log.Line(" passed"u8);
        bool ok = SelfTests.Passed == SelfTests.Total;
        int status = 0;
        if (ok && Boot.ModuleSize != 0 && CpioReader.Find(Physical.ToVirtual(Boot.ModuleBase), Boot.ModuleSize, "/init"u8, out _, out _))
            status = RunInit(out ok);
        else if (ok)
            Log.Line("[INIT] no /init in the boot module: nothing to run"u8);
        Finish(ok, status);
    }

    /// <summary>The first user process, /init from the boot module; its exit status (the machine's, after BOOTOK).</summary>
    private static int RunInit(out bool ok)
    {
        ulong freeBefore = Frames.Free;
        Log.Line("[INIT] starting /init"u8);
        long status = Process.Run("/init"u8);
        ok = true;
        if (status < 0)
        {
            Log.Write("[INIT] /init could not start: errno "u8);
            Log.Decimal((ulong)(-status));
            Log.Char((byte)'\n');
            ok = false;
            return 1;
        }
        Log.Write("[INIT] /init exited with status "u8);
        Log.Decimal((ulong)status);
        Log.Char((byte)'\n');
        if (Frames.Free != freeBefore)
        {
            Log.Write("[INIT] the process's memory did not all come back: "u8);
            Log.Decimal(freeBefore - Frames.Free);
            Log.Line(" frames lost"u8);
            ok = false;
        }
        return (int)status;
    }

    /// <summary>One line per file of the boot module: <c>  /path (size B)</c>; a malformed archive says so.</summary>
    private static void ListBootModule()
    {
        var reader = new CpioReader(Physical.ToVirtual(Boot.ModuleBase), Boot.ModuleSize);
        while (reader.Next(out byte* name, out ulong length, out uint mode, out _, out ulong size))
        {
            if ((mode & 0xF000) != 0x8000)
                continue;
            Log.Write("  /"u8);
            Log.Write(new ReadOnlySpan<byte>(name, (int)length));
            Log.Write(" ("u8);
            Log.Decimal(size);
            Log.Line(" B)"u8);
        }
        if (reader.Malformed)
            Log.Line("  the boot module is not a valid cpio newc archive: ignored"u8);
    }

    private static void Stage(int n, ReadOnlySpan<byte> what)
    {
        Log.Write("[BOOTSTRAP] Stage "u8);
        Log.Decimal((ulong)n);
        Log.Write(": "u8);
        Log.Write(what);
    }

    /// <summary>The end of a failed boot: BOOTFAIL and status 1.</summary>
    public static void Halt(bool ok) => Finish(ok, 0);

    /// <summary>The end of a boot: BOOTOK, the machine's status (/init's) and power off, or BOOTFAIL and status 1.</summary>
    public static void Finish(bool ok, int status)
    {
        if (ok)
        {
            Log.Line("BOOTOK"u8);
            if (status != 0)
            {
                // The runner's console exit protocol (docs/run.md): any status, where x86_64's exit device has 7 bits.
                Log.Write("veridian-exit: "u8);
                Log.Decimal((ulong)status);
                Log.Char((byte)'\n');
            }
            Machine.PowerOff();
        }
        Log.Line("BOOTFAIL"u8);
        Machine.Fail(1);
    }
}
