/* CPU-bound: five rounds of busy work, a line after each, then exit(pid + 10). It never yields: two of them both
 * make progress only if the kernel preempts them. A round is at least 3,000,000 increments and at least 40 ms of the
 * monotonic clock, so each spinner stays busy for many timer periods however fast the emulated CPU runs and however
 * late a loaded host delivers the ticks (an iteration count alone once finished inside the ticks a busy host let
 * through). */
#include "syscall.h"

void _start(void)
{
    long pid = sys3(SYS_GETPID, 0, 0, 0);
    say("spin "); say_number(pid); say(": parent "); say_number(sys3(SYS_GETPPID, 0, 0, 0)); end_line();
    volatile u64 counter = 0;
    for (int round = 1; round <= 5; round++) {
        long start = now_ns();
        u64 i = 0;
        while (i < 3000000 || now_ns() - start < 40000000l)
            for (u64 k = 0; k < 100000; k++, i++) counter++;
        say("spin "); say_number(pid); say(" round "); say_number(round); end_line();
    }
    sys3(SYS_EXIT, pid + 10, 0, 0);
    for (;;) { }
}
