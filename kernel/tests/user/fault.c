/* A user program that faults as /init: -DNULL_DEREF reads address 0, -DPRIVILEGED executes an instruction only the
 * kernel may. The kernel must end it with a report and boot on to BOOTOK. */
#include "syscall.h"

void _start(void)
{
#if defined(NULL_DEREF)
    volatile int *p = (volatile int *)0;
    sys3(SYS_EXIT, *p, 0, 0);
#elif defined(PRIVILEGED)
#  if defined(__x86_64__)
    __asm__ volatile("hlt");
#  elif defined(__aarch64__)
    __asm__ volatile("msr vbar_el1, xzr");
#  elif defined(__riscv)
    __asm__ volatile("csrw stvec, zero");
#  endif
#endif
    sys3(SYS_EXIT, 0, 0, 0);
    for (;;) { }
}
