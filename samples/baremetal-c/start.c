/* Portable startup, called by the boot stub (<arch>/boot.S) once it has a stack and a zeroed .bss:
 * run the static constructors the linker script gathers between __init_array_start and
 * __init_array_end (C constructors, C++ static initialisers), call kmain, power off. */
#include "platform.h"

typedef void (*init_fn)(void);
extern init_fn __init_array_start[];
extern init_fn __init_array_end[];

_Noreturn void kstart(void);

_Noreturn void kstart(void)
{
    for (init_fn *fn = __init_array_start; fn != __init_array_end; ++fn)
        (*fn)();
    int status = kmain();
    if (status == 0)
        arch_poweroff();
    console_write("kmain failed\n");
    arch_fail(status);
}
