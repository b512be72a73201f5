/* aarch64 on QEMU virt: PL011 UART at 0x09000000; power off through PSCI (conduit HVC). */
#include "../platform.h"

const char arch_name[] = "aarch64";

#define PL011_BASE 0x09000000UL
#define PL011_DR (*(volatile unsigned int *)(PL011_BASE + 0x00))
#define PL011_FR (*(volatile unsigned int *)(PL011_BASE + 0x18))

void arch_putc(char c)
{
    while (PL011_FR & (1u << 5)) /* FR.TXFF: transmit FIFO full */
        ;
    PL011_DR = (unsigned char)c;
}

static _Noreturn void psci(unsigned long function)
{
    register unsigned long x0 __asm__("x0") = function;
    __asm__ volatile("hvc #0" : "+r"(x0) : : "memory");
    for (;;)
        __asm__ volatile("wfi");
}

_Noreturn void arch_poweroff(void)
{
    psci(0x84000008UL); /* PSCI_SYSTEM_OFF */
}

_Noreturn void arch_fail(int code)
{
    /* QEMU exits 0 after SYSTEM_OFF whatever the guest wanted, so the status travels on the console:
     * `veridian run` reads a last line "veridian-exit: <code>" (docs/run.md, exit status). */
    console_write("veridian-exit: ");
    console_write_u64((unsigned long long)code);
    console_write("\n");
    psci(0x84000008UL); /* PSCI_SYSTEM_OFF */
}
