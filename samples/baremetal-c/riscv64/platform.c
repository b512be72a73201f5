/* riscv64 on QEMU virt with OpenSBI: console through the legacy SBI putchar, power off through the
 * SBI System Reset extension (SRST); failure through the sifive_test finisher, which carries a code. */
#include "../platform.h"

const char arch_name[] = "riscv64";

static long sbi_call(long ext, long fid, long arg0, long arg1)
{
    register long a0 __asm__("a0") = arg0;
    register long a1 __asm__("a1") = arg1;
    register long a6 __asm__("a6") = fid;
    register long a7 __asm__("a7") = ext;
    __asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a6), "r"(a7) : "memory");
    return a0;
}

void arch_putc(char c)
{
    sbi_call(0x01, 0, (unsigned char)c, 0); /* legacy console_putchar */
}

static _Noreturn void system_reset(long type, long reason)
{
    sbi_call(0x53525354, 0, type, reason); /* SRST: system_reset(type, reason) */
    for (;;)
        __asm__ volatile("wfi");
}

_Noreturn void arch_poweroff(void)
{
    system_reset(0, 0); /* shutdown, no reason */
}

_Noreturn void arch_fail(int code)
{
    /* SRST always makes QEMU exit 0; the finisher at 0x100000 exits with `code`. */
    *(volatile unsigned int *)0x100000UL = 0x3333u | ((unsigned int)code << 16);
    system_reset(0, 1); /* not reached on virt; shutdown, reason: system failure */
}
