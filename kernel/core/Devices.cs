namespace Veridian.Kernel;

/// <summary>
/// Devices and interrupts for user-space drivers (docs/capabilities.md): the console UART is object 0 of both types.
/// The first process gets a device capability to it in slot 62 and an interrupt capability to its line in slot 63.
/// The kernel only masks the line when it fires and signals the notification bound to it; the driver unmasks it
/// (irq_ack) once it has drained the device. Device access: x86_64 I/O ports through port_in/port_out, aarch64 and
/// riscv64 the MMIO page mapped into the driver (device_map).
/// </summary>
static unsafe class Devices
{
    public const ulong IrqBind = 70, IrqAck = 71, PortIn = 72, PortOut = 73, DeviceMap = 74;
    public const int DeviceSlot = 62, InterruptSlot = 63;

    /// <summary>The notification (index + 1) bound to the console's interrupt, and the bits it gets.</summary>
    private static uint s_bound;
    private static ulong s_bits;

    /// <summary>Whether an interrupt line signals notification <paramref name="obj"/> (the scheduler's deadlock check).</summary>
    public static bool Signals(uint obj) => s_bound == obj + 1;

    /// <summary>The boot capabilities of the first process.</summary>
    public static void GrantBootCapabilities(ProcessSlot* p)
    {
        Caps.Place(Process.Index(p), DeviceSlot, CapType.Device, Rights.Read | Rights.Write | Rights.Grant, 0);
        Caps.Place(Process.Index(p), InterruptSlot, CapType.Interrupt, Rights.Read | Rights.Write | Rights.Grant, 0);
    }

    private static int Me => Process.Index(Process.Current);

    /// <summary>irq_bind(irq, ntfn): the line's interrupts signal the notification (the capability's badge, 1 if none); the line is unmasked.</summary>
    public static long Bind(ulong irq, ulong notification)
    {
        long r = Caps.Lookup(Me, irq, CapType.Interrupt, Rights.Write, out _);
        if (r != 0)
            return r;
        r = Caps.Lookup(Me, notification, CapType.Notification, Rights.Write, out CapCell* n);
        if (r != 0)
            return r;
        // The binding holds the notification alive, as a capability would.
        Objects.Reference(CapType.Notification, n->Object, 1);
        if (s_bound != 0)
            Objects.Reference(CapType.Notification, s_bound - 1, -1);
        s_bound = n->Object + 1;
        s_bits = n->Badge == 0 ? 1 : n->Badge;
        Machine.ConsoleIrq(true);
        return 0;
    }

    /// <summary>irq_ack(irq): unmasks the line.</summary>
    public static long Ack(ulong irq)
    {
        long r = Caps.Lookup(Me, irq, CapType.Interrupt, Rights.Write, out _);
        if (r != 0)
            return r;
        if (s_bound == 0)
            return -Errno.EINVAL;
        Machine.ConsoleIrq(true);
        return 0;
    }

    /// <summary>The architecture's handler saw the console's interrupt (interrupts masked): mask the line, signal.</summary>
    public static void Interrupt()
    {
        Machine.ConsoleIrq(false);
        if (s_bound != 0)
            Ipc.SignalObject(s_bound - 1, s_bits);
    }

    /// <summary>port_in(dev, port) / port_out(dev, port, value): a byte of the console's ports (x86_64 only).</summary>
    public static long Port(ulong device, ulong port, ulong value, bool write)
    {
        long r = Caps.Lookup(Me, device, CapType.Device, write ? Rights.Write : Rights.Read, out _);
        if (r != 0)
            return r;
        if (Machine.ConsolePorts == 0)
            return -Errno.ENOTSUP;
        if (port < Machine.ConsolePorts || port >= Machine.ConsolePorts + 8 || value > 255)
            return -Errno.EINVAL;
        return Machine.Port((ushort)port, (byte)value, write);
    }

    /// <summary>device_map(dev): the console's MMIO page in the caller's space (read-write, device memory, never executable); its address.</summary>
    public static long Map(ulong device)
    {
        long r = Caps.Lookup(Me, device, CapType.Device, Rights.Read | Rights.Write, out _);
        if (r != 0)
            return r;
        if (Machine.ConsoleMmio == 0)
            return -Errno.ENOTSUP;
        ulong va = Process.Current->NextMap;
        if (!PageTables.Map(Process.Root, va, Machine.ConsoleMmio, PageFlags.User | PageFlags.Write | PageFlags.Device))
            return -Errno.ENOMEM;
        Process.Current->NextMap = va + PageTables.PageSize;
        return (long)va;
    }
}
