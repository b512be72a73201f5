/* A freestanding VeridianOS user program with its own system call stubs (VERIDIAN-ABI.md: the instruction,
 * registers and numbers of each architecture; -errno in the result). The kernel's tests boot it as /init:
 * it writes, checks what the kernel answers for its pid, an unknown call and a bad pointer, and exits 42. */
typedef unsigned long u64;

static long sys3(long n, long a, long b, long c)
{
    long r;
#if defined(__x86_64__)
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
#elif defined(__aarch64__)
    register long x8 __asm__("x8") = n, x0 __asm__("x0") = a, x1 __asm__("x1") = b, x2 __asm__("x2") = c;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
    r = x0;
#elif defined(__riscv)
    register long a7 __asm__("a7") = n, a0 __asm__("a0") = a, a1 __asm__("a1") = b, a2 __asm__("a2") = c;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
    r = a0;
#endif
    return r;
}

enum { SYS_EXIT = 11, SYS_GETPID = 15, SYS_WRITE = 53, ENOSYS = 1, EFAULT = 9, EBADF = 21 };

static u64 length(const char *s) { u64 n = 0; while (s[n]) n++; return n; }
static void put(const char *s) { sys3(SYS_WRITE, 1, (long)s, (long)length(s)); }

static void put_number(long v)
{
    char buffer[24];
    int i = 23;
    buffer[i] = 0;
    int negative = v < 0;
    u64 u = negative ? (u64)-v : (u64)v;
    do { buffer[--i] = (char)('0' + u % 10); u /= 10; } while (u);
    if (negative) buffer[--i] = '-';
    put(buffer + i);
}

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
