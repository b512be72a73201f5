/* Anonymous memory as /init: 64 MiB from mmap written and read back, munmap, mprotect's W^X, the program break. */
#include "syscall.h"

static void check(const char *what, long got, long expected)
{
    put(what); put(" "); put_number(got); put(got == expected ? " ok\n" : " WRONG\n");
    if (got != expected) sys3(SYS_EXIT, 1, 0, 0);
}

void _start(void)
{
    const u64 size = 64ul << 20;
    long p = sys6(SYS_MMAP, 0, (long)size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check("mmap 64 MiB is page aligned", p > 0 && (p & 4095) == 0, 1);
    u64 *words = (u64 *)p;
    long zero = 0;
    for (u64 i = 0; i < size / 8; i += 512) zero |= (long)words[i];
    check("fresh memory is zero", zero, 0);
    for (u64 i = 0; i < size / 8; i += 64) words[i] = i * 2654435761u;
    long bad = 0;
    for (u64 i = 0; i < size / 8; i += 64) bad += words[i] != i * 2654435761u;
    check("64 MiB written and read back, mismatches", bad, 0);
    check("munmap", sys3(SYS_MUNMAP, p, (long)size, 0), 0);
    check("write from unmapped memory", sys3(SYS_WRITE, 1, p, 8), -EFAULT);
    check("mmap write+exec (W^X)", sys6(SYS_MMAP, 0, 4096, PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), -EINVAL);
    check("mmap of a file", sys6(SYS_MMAP, 0, 4096, PROT_READ, MAP_PRIVATE, 3, 0), -EINVAL);
    check("mmap of 1 TiB", sys6(SYS_MMAP, 0, 1l << 40, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), -EINVAL);
    long q = sys6(SYS_MMAP, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check("mprotect read-only", sys3(SYS_MPROTECT, q, 8192, PROT_READ), 0);
    check("write from read-only memory still works", sys3(SYS_WRITE, 1, q, 0), 0);
    check("mprotect write+exec (W^X)", sys3(SYS_MPROTECT, q, 4096, PROT_WRITE | PROT_EXEC), -EINVAL);
    check("mprotect of unmapped memory", sys3(SYS_MPROTECT, q + 8192, 4096, PROT_READ), -ENOMEM);
    long start = sys3(SYS_BRK, 0, 0, 0);
    check("brk grows by 1 MiB", sys3(SYS_BRK, start + (1 << 20), 0, 0) - start, 1 << 20);
    char *heap = (char *)start;
    heap[0] = 'x'; heap[(1 << 20) - 1] = 'y';
    check("the heap is writable", heap[0] + heap[(1 << 20) - 1], 'x' + 'y');
    check("brk shrinks back", sys3(SYS_BRK, start, 0, 0), start);
    check("brk below the start is refused", sys3(SYS_BRK, start - 4096, 0, 0), start);
    sys3(SYS_EXIT, 0, 0, 0);
    for (;;) { }
}
