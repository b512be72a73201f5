/* The console's read as /init: reads fd 0 (blocking until the UART has input; each read returns what has arrived)
 * up to a newline, echoes the first line that is not empty, and exits with 11. Input sent before the machine runs
 * may lose its first byte on riscv64 (OpenSBI's UART set-up reads the receive buffer), so the test sends an empty
 * line first. */
#include "syscall.h"

ENTRY void _start(void)
{
    char line[128], chunk[64];
    long n = 0, reads = 0, done = 0;
    while (!done) {
        long r = sys3(SYS_READ, 0, (long)chunk, (long)sizeof chunk);
        if (r <= 0) { say("echo: read returned "); say_number(r); end_line(); sys3(SYS_EXIT, 1, 0, 0); }
        reads++;
        for (long i = 0; i < r && !done; i++) {
            if (chunk[i] == '\n') done = n > 0;
            else if (n < (long)sizeof line - 1) line[n++] = chunk[i];
        }
    }
    line[n] = 0;
    say("echo: "); say(line); say(" ("); say_number(n); say(" bytes)"); end_line();
    sys3(SYS_EXIT, 10 + (reads > 0), 0, 0);
    for (;;) { }
}
