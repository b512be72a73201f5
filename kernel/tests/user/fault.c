/* A user program that faults as /init: -DNULL_DEREF reads address 0, -DPRIVILEGED executes an instruction only the
 * kernel may. The kernel must end it with a report and boot on to BOOTOK. */
static long sys1(long n, long a)
{
    long r;
#if defined(__x86_64__)
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
#elif defined(__aarch64__)
    register long x8 __asm__("x8") = n, x0 __asm__("x0") = a;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8) : "memory");
    r = x0;
#elif defined(__riscv)
    register long a7 __asm__("a7") = n, a0 __asm__("a0") = a;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
    r = a0;
#endif
    return r;
}

void _start(void)
{
#if defined(NULL_DEREF)
    volatile int *p = (volatile int *)0;
    sys1(11, *p);
#elif defined(PRIVILEGED)
#  if defined(__x86_64__)
    __asm__ volatile("hlt");
#  elif defined(__aarch64__)
    __asm__ volatile("msr vbar_el1, xzr");
#  elif defined(__riscv)
    __asm__ volatile("csrw stvec, zero");
#  endif
#endif
    sys1(11, 0);
    for (;;) { }
}
