namespace Veridian.Triples;

/// <summary>How a guest ends the emulator and how the guest's exit status is recovered (<see cref="QemuRecipe.GuestExitCode"/>).</summary>
public enum ExitMethod
{
    /// <summary>
    /// x86 <c>isa-debug-exit</c> at I/O port 0xf4: the guest writes a byte <c>v</c>, QEMU exits with <c>(v &lt;&lt; 1) | 1</c>,
    /// so an odd status <c>s</c> means guest code <c>s &gt;&gt; 1</c>. QEMU status 0 means the guest powered off through
    /// ACPI S5 (<c>outw(0x604, 0x2000)</c> on <c>-M pc</c>), i.e. guest code 0.
    /// </summary>
    IsaDebugExit,

    /// <summary>
    /// AArch64 PSCI SYSTEM_OFF (<c>x0 = 0x84000008; hvc #0</c>): QEMU exits 0 whatever the guest wanted, so the guest's
    /// status comes from its serial output (the runner's protocol), not from QEMU's exit code.
    /// </summary>
    PsciSystemOff,

    /// <summary>
    /// Arm semihosting SYS_EXIT (QEMU <c>-semihosting-config enable=on,target=native</c>): the guest runs
    /// <c>x0 = 0x18; x1 = &amp;{0x20026 /* ADP_Stopped_ApplicationExit */, code}; hlt #0xf000</c> and QEMU exits with
    /// <c>code</c>. PSCI SYSTEM_OFF still works too and exits 0.
    /// </summary>
    Semihosting,

    /// <summary>
    /// RISC-V virt <c>sifive_test</c> finisher at 0x100000: writing <c>0x5555</c> exits 0; writing <c>0x3333 | (code &lt;&lt; 16)</c>
    /// exits with <c>code</c>. (SBI SRST, <c>a7 = 0x53525354</c>, also powers off but always exits 0.)
    /// </summary>
    SifiveTest,

    /// <summary>A Linux process (qemu-user or native): the exit status is the process's.</summary>
    ProcessExit,
}
