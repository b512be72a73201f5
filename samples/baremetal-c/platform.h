/* What each architecture's platform.c provides to the portable code (start.c, console.c, main.c). */
#ifndef BAREMETAL_PLATFORM_H
#define BAREMETAL_PLATFORM_H

#ifdef __cplusplus
extern "C" {
#endif

/* The architecture's name as the greeting prints it: "x86_64", "aarch64", "riscv64". */
extern const char arch_name[];

/* Writes one byte to the serial console (blocking). */
void arch_putc(char c);

/* Powers the machine off; QEMU exits with status 0. */
_Noreturn void arch_poweroff(void);

/* Stops the machine reporting failure `code` (1..127) where the machine has a way to say so. */
_Noreturn void arch_fail(int code);

/* Console helpers (console.c). */
void console_write(const char *s);
void console_write_u64(unsigned long long value);

/* The program: called by kstart after .bss is zeroed and .init_array has run. 0 = success. */
int kmain(void);

#ifdef __cplusplus
}
#endif

#endif
