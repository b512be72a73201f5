/* x86_64 on QEMU -M pc: COM1 16550 UART at I/O port 0x3F8; power off through ACPI S5. */
#include "../platform.h"

const char arch_name[] = "x86_64";

static inline void outb(unsigned short port, unsigned char value)
{
    __asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outw(unsigned short port, unsigned short value)
{
    __asm__ volatile("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline unsigned char inb(unsigned short port)
{
    unsigned char value;
    __asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}

void arch_putc(char c)
{
    while ((inb(0x3F8 + 5) & 0x20) == 0) /* LSR.THRE: transmit holding register empty */
        ;
    outb(0x3F8, (unsigned char)c);
}

_Noreturn void arch_poweroff(void)
{
    /* SeaBIOS puts the PIIX4 PM block at 0x600: PM1a_CNT = 0x604, SLP_TYP S5 | SLP_EN = 0x2000. */
    outw(0x604, 0x2000);
    for (;;)
        __asm__ volatile("cli; hlt");
}

_Noreturn void arch_fail(int code)
{
    /* isa-debug-exit at 0xf4 (when the machine has it): QEMU exits with (code << 1) | 1. */
    outb(0xf4, (unsigned char)code);
    for (;;)
        __asm__ volatile("cli; hlt");
}
