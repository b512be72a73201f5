// Inline assembly per architecture: arithmetic with register and immediate operands, tied
// operands, early clobbers, memory operands, a read of an architectural register, and a direct
// Linux system call (write) with the architecture's syscall convention.
// expect: add: 42
// expect: tied: 15
// expect: memory: 7 -> 8
// expect: rotate: 0x80000001
// expect: stack pointer aligned: 1
// expect: raw write syscall
// expect: ok
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static long add(long a, long b)
{
    long r;
#if defined(__x86_64__)
    __asm__("leaq (%1,%2), %0" : "=r"(r) : "r"(a), "r"(b));
#elif defined(__aarch64__)
    __asm__("add %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
#elif defined(__riscv)
    __asm__("add %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
#else
#error unsupported architecture
#endif
    return r;
}

static long tied(long a)
{
#if defined(__x86_64__)
    __asm__("addq $5, %0" : "+r"(a));
#elif defined(__aarch64__)
    __asm__("add %0, %0, #5" : "+r"(a));
#elif defined(__riscv)
    __asm__("addi %0, %0, 5" : "+r"(a));
#endif
    return a;
}

static void increment_memory(volatile int *p)
{
#if defined(__x86_64__)
    __asm__ volatile("incl %0" : "+m"(*p));
#elif defined(__aarch64__)
    int tmp;
    __asm__ volatile("ldr %w0, %1\n\tadd %w0, %w0, #1\n\tstr %w0, %1" : "=&r"(tmp), "+m"(*p));
#elif defined(__riscv)
    int tmp;
    __asm__ volatile("lw %0, %1\n\taddi %0, %0, 1\n\tsw %0, %1" : "=&r"(tmp), "+m"(*p));
#endif
}

static uint32_t rotate_right_1(uint32_t x)
{
#if defined(__x86_64__)
    __asm__("rorl $1, %0" : "+r"(x));
#elif defined(__aarch64__)
    __asm__("ror %w0, %w0, #1" : "+r"(x));
#elif defined(__riscv)
    uint32_t t;
    __asm__("srliw %1, %0, 1\n\tslliw %0, %0, 31\n\tor %0, %0, %1" : "+r"(x), "=&r"(t));
#endif
    return x;
}

static uintptr_t stack_pointer(void)
{
    uintptr_t sp;
#if defined(__x86_64__)
    __asm__ volatile("movq %%rsp, %0" : "=r"(sp));
#elif defined(__aarch64__)
    __asm__ volatile("mov %0, sp" : "=r"(sp));
#elif defined(__riscv)
    __asm__ volatile("mv %0, sp" : "=r"(sp));
#endif
    return sp;
}

static long raw_write(int fd, const void *buf, unsigned long len)
{
#if defined(__x86_64__)
    long ret;
    __asm__ volatile("syscall" : "=a"(ret) : "a"(1L), "D"((long)fd), "S"(buf), "d"(len) : "rcx", "r11", "memory");
    return ret;
#elif defined(__aarch64__)
    register long x0 __asm__("x0") = fd;
    register long x1 __asm__("x1") = (long)buf;
    register long x2 __asm__("x2") = (long)len;
    register long x8 __asm__("x8") = 64;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x8) : "memory");
    return x0;
#elif defined(__riscv)
    register long a0 __asm__("a0") = fd;
    register long a1 __asm__("a1") = (long)buf;
    register long a2 __asm__("a2") = (long)len;
    register long a7 __asm__("a7") = 64;
    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
    return a0;
#endif
}

int main(void)
{
    volatile long a = 40, b = 2;
    printf("add: %ld\n", add(a, b));
    printf("tied: %ld\n", tied(10));
    volatile int m = 7;
    printf("memory: %d -> ", m);
    increment_memory(&m);
    printf("%d\n", m);
    printf("rotate: 0x%08x\n", rotate_right_1(0x00000003u));
    printf("stack pointer aligned: %d\n", (int)(stack_pointer() % 16 == 0));
    fflush(stdout);
    const char msg[] = "raw write syscall\n";
    long n = raw_write(1, msg, strlen(msg));
    printf("%s\n", n == (long)strlen(msg) ? "ok" : "short write");
    return 0;
}
