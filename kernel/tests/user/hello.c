/* A freestanding VeridianOS user program: the kernel's tests boot it as /init. It writes, checks what the kernel
 * answers for its pid, an unknown call and bad pointers, and exits 42. */
#include "syscall.h"

static char data[4096] = "data segment ok";   /* .data: loaded from the file */
static long zeroed[1024];                      /* .bss: zero-filled by the loader */

void _start(void)
{
    put("hello from /init in user mode\n");
    put("pid "); put_number(sys3(SYS_GETPID, 0, 0, 0)); put("\n");
    put("unknown call "); put_number(sys3(999, 0, 0, 0)); put("\n");
    put("write from a kernel address "); put_number(sys3(SYS_WRITE, 1, (long)0xFFFF800000001000UL, 8)); put("\n");
    put("write from an unmapped address "); put_number(sys3(SYS_WRITE, 1, 0x1000, 8)); put("\n");
    put("write to fd 7 "); put_number(sys3(SYS_WRITE, 7, (long)data, 1)); put("\n");
    long sum = 0;
    for (int i = 0; i < 1024; i++) sum += zeroed[i];
    put(data); put(", bss sum "); put_number(sum); put("\n");
    sys3(SYS_EXIT, 42, 0, 0);
    for (;;) { }
}
