/* aarch64 on QEMU virt: PL011 UART at 0x09000000; power off through PSCI (conduit HVC); failure
 * through Arm semihosting, which carries an exit code. */
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
    /* PSCI SYSTEM_OFF makes QEMU exit 0 whatever the guest wanted; Arm semihosting SYS_EXIT (0x18) with
     * ADP_Stopped_ApplicationExit (0x20026) carries the code (QEMU: -semihosting-config enable=on). */
    unsigned long block[2] = {0x20026UL, (unsigned long)code};
    register unsigned long x0 __asm__("x0") = 0x18;
    register unsigned long *x1 __asm__("x1") = block;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    psci(0x84000008UL); /* semihosting disabled: at least stop */
}
