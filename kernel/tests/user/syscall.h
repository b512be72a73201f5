/* The system call stubs of the freestanding test programs (VERIDIAN-ABI.md / docs/abi.md: the instruction,
 * registers and numbers of each architecture; -errno in the result). */
typedef unsigned long u64;

/* _start is entered with sp 16-byte aligned at argc, not as a called function (x86_64 expects sp = 8 mod 16). */
#if defined(__x86_64__)
#define ENTRY __attribute__((force_align_arg_pointer))
#else
#define ENTRY
#endif

static long sys6(long n, long a, long b, long c, long d, long e, long f)
{
    long r;
#if defined(__x86_64__)
    register long r10 __asm__("r10") = d, r8 __asm__("r8") = e, r9 __asm__("r9") = f;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9) : "rcx", "r11", "memory");
#elif defined(__aarch64__)
    register long x8 __asm__("x8") = n, x0 __asm__("x0") = a, x1 __asm__("x1") = b, x2 __asm__("x2") = c,
        x3 __asm__("x3") = d, x4 __asm__("x4") = e, x5 __asm__("x5") = f;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
    r = x0;
#elif defined(__riscv)
    register long a7 __asm__("a7") = n, a0 __asm__("a0") = a, a1 __asm__("a1") = b, a2 __asm__("a2") = c,
        a3 __asm__("a3") = d, a4 __asm__("a4") = e, a5 __asm__("a5") = f;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5) : "memory");
    r = a0;
#endif
    return r;
}

static long sys3(long n, long a, long b, long c) { return sys6(n, a, b, c, 0, 0, 0); }

enum { SYS_YIELD = 10, SYS_EXIT = 11, SYS_FORK = 12, SYS_EXEC = 13, SYS_WAIT = 14, SYS_GETPPID = 16,
       SYS_GETPID = 15, SYS_MMAP = 20, SYS_MUNMAP = 21, SYS_MPROTECT = 22, SYS_BRK = 23, SYS_WRITE = 53,
       ENOSYS = 1, EINVAL = 2, ENOENT = 4, ENOMEM = 5, EFAULT = 9, EBADF = 21, ECHILD = 26,
       PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20 };

static long sys1(long n, long a) { return sys6(n, a, 0, 0, 0, 0, 0); }
static long sys4(long n, long a, long b, long c, long d) { return sys6(n, a, b, c, d, 0, 0); }

enum { SYS_THREAD_CREATE = 40, SYS_THREAD_EXIT = 41, SYS_THREAD_JOIN = 42, SYS_GETTID = 43, SYS_SETPRIORITY = 44,
       SYS_OPEN = 50, SYS_CLOSE = 51, SYS_READ = 52, SYS_SEEK = 54, SYS_STAT = 55, SYS_CLOCK_GETTIME = 160,
       SYS_NANOSLEEP = 162, SYS_FUTEX_WAIT = 201, SYS_FUTEX_WAKE = 202, SYS_ARCH_PRCTL = 203, SYS_UNAME = 204,
       EAGAIN = 6, ESRCH = 19, EMFILE = 30, ESPIPE = 36, EROFS = 37, EDEADLK = 42, ENAMETOOLONG = 43, ETIMEDOUT = 57,
       CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, O_RDONLY = 0, O_WRONLY = 1, SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2 };

struct timespec { long tv_sec, tv_nsec; };

/* docs/abi.md: struct stat (112 bytes) and struct utsname (6 x 65 bytes). */
struct stat { u64 st_dev, st_ino; unsigned st_mode, st_nlink, st_uid, st_gid; u64 st_rdev; long st_size, st_blksize, st_blocks;
              struct timespec st_atim, st_mtim, st_ctim; };
struct utsname { char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65]; };

static long now_ns(void)
{
    struct timespec t;
    sys3(SYS_CLOCK_GETTIME, CLOCK_MONOTONIC, (long)&t, 0);
    return t.tv_sec * 1000000000l + t.tv_nsec;
}

/* The TLS register as the program sees it. */
static u64 tls_register(void)
{
    u64 v;
#if defined(__x86_64__)
    __asm__ volatile("movq %%fs:0, %0" : "=r"(v));  /* variant II: the TCB's first word points at itself */
#elif defined(__aarch64__)
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(v));
#elif defined(__riscv)
    __asm__ volatile("mv %0, tp" : "=r"(v));
#endif
    return v;
}

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

/* A line built in a buffer and written with one call: lines of processes that preempt each other stay whole. */
static char line_buffer[160];
static int line_length;

static void say(const char *s) { while (*s && line_length < (int)sizeof line_buffer) line_buffer[line_length++] = *s++; }

static void say_number(long v)
{
    char digits[24];
    int i = 23;
    digits[i] = 0;
    int negative = v < 0;
    u64 u = negative ? (u64)-v : (u64)v;
    do { digits[--i] = (char)('0' + u % 10); u /= 10; } while (u);
    if (negative) digits[--i] = '-';
    say(digits + i);
}

static void end_line(void)
{
    say("\n");
    sys3(SYS_WRITE, 1, (long)line_buffer, line_length);
    line_length = 0;
}
