/* CPU-bound: five rounds of busy work, a line after each, then exit(pid + 10). It never yields: two of them both
 * make progress only if the kernel preempts them. */
#include "syscall.h"

void _start(void)
{
    long pid = sys3(SYS_GETPID, 0, 0, 0);
    say("spin "); say_number(pid); say(": parent "); say_number(sys3(SYS_GETPPID, 0, 0, 0)); end_line();
    volatile u64 counter = 0;
    for (int round = 1; round <= 5; round++) {
        for (u64 i = 0; i < 3000000; i++) counter++;
        say("spin "); say_number(pid); say(" round "); say_number(round); end_line();
    }
    sys3(SYS_EXIT, pid + 10, 0, 0);
    for (;;) { }
}
