/* bench/ipc.sh's anchor: a Linux pipe ping-pong between two processes (fork), 32 bytes (4 words) each way,
 * 10,000 round trips after 1,000 to warm up; prints nanoseconds per one-way message. Run under qemu-user. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

enum { ROUNDS = 10000, WARMUP = 1000 };

static long now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000000l + t.tv_nsec; }

int main(void)
{
    int to[2], from[2];
    unsigned long words[4] = { 1, 2, 3, 4 };
    if (pipe(to) || pipe(from)) return 1;
    pid_t pid = fork();
    if (pid == 0)
    {
        close(to[1]);
        close(from[0]);
        while (read(to[0], words, sizeof words) == sizeof words)
        {
            words[0]++;
            if (write(from[1], words, sizeof words) != sizeof words) return 1;
        }
        return 0;
    }
    close(to[0]);
    close(from[1]);
    long t0 = 0;
    for (int i = 0; i < WARMUP + ROUNDS; i++)
    {
        if (i == WARMUP) t0 = now();
        if (write(to[1], words, sizeof words) != sizeof words || read(from[0], words, sizeof words) != sizeof words) return 1;
    }
    long t = now() - t0;
    close(to[1]);
    waitpid(pid, 0, 0);
    printf("pipe one-way %.1f ns (%lu round trips)\n", (double)t / (2.0 * ROUNDS), words[0] == WARMUP + ROUNDS + 1 ? (unsigned long)ROUNDS : 0ul);
    return 0;
}
