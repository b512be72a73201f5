/* Processes as /init: fork two children that exec /bin/spin (CPU-bound: they finish only if the timer preempts
 * them), wait for both and check their statuses, then the errors: wait with no child, exec of a missing file. */
#include "syscall.h"

void _start(void)
{
    say("init: pid "); say_number(sys3(SYS_GETPID, 0, 0, 0)); end_line();
    long children[2];
    for (int k = 0; k < 2; k++) {
        long pid = sys3(SYS_FORK, 0, 0, 0);
        if (pid == 0) {
            sys3(SYS_EXEC, (long)"/bin/spin", 0, 0);
            say("exec failed"); end_line();
            sys3(SYS_EXIT, 99, 0, 0);
        }
        children[k] = pid;
    }
    say("init: forked "); say_number(children[0]); say(" and "); say_number(children[1]); end_line();
    long sum = 0;
    for (int k = 0; k < 2; k++) {
        int status = -1;
        long pid = sys3(SYS_WAIT, -1, (long)&status, 0);
        say("init: child "); say_number(pid); say(" exited with "); say_number(status); end_line();
        sum += status - pid;
    }
    say("init: statuses are pid + 10: "); say_number(sum == 20); end_line();
    say("init: wait without children "); say_number(sys3(SYS_WAIT, -1, 0, 0)); end_line();
    say("init: exec of a missing file "); say_number(sys3(SYS_EXEC, (long)"/missing", 0, 0)); end_line();
    sys3(SYS_EXIT, 0, 0, 0);
    for (;;) { }
}
