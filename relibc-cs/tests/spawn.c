/* spawn.h: posix_spawn and posix_spawnp with file actions (open, close, dup2), attributes (signal mask and defaults,
   process group, flags), the errors a failed child reports; sched.h's policy and priority calls. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Spawns grep (through PATH) to write a line of its own /proc/self/status to a file, what exec kept of the signal
   state, and prints that mask's standard signals (1-31: glibc's children keep its internal signals 32 and 33 ignored). */
static void status_line(const char *label, const char *field, const posix_spawnattr_t *attr) {
    char *argv[] = {"grep", (char *)field, "/proc/self/status", NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "status.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    int r = posix_spawnp(&pid, "grep", &fa, attr, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    int status = -1;
    waitpid(pid, &status, 0);
    char line[128] = {0};
    FILE *f = fopen("status.txt", "r");
    if (f) {
        fgets(line, sizeof line, f);
        fclose(f);
    }
    unsigned long long mask = 0;
    char name[16];
    sscanf(line, "%15[^:]:%llx", name, &mask);
    printf("%s: %d, status %d, %s %08llx\n", label, r, WEXITSTATUS(status), name, mask & 0x7fffffffULL);
}

/* Prints how a spawn went. A child that failed before exec is reported by the error returned and no child left, or —
   glibc under qemu-user, whose clone(CLONE_VM|CLONE_VFORK) is a plain fork there, so the error races with the
   return — by a 0 and a child that exits with 127 at once: both print the same line, without the error. */
static void report(const char *label, int r, pid_t pid) {
    int status = -1;
    if (r != 0) {
        printf("%s: failed before exec, no child left %d\n", label, waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD);
        return;
    }
    pid_t got = waitpid(pid, &status, 0);
    if (got == pid && WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        printf("%s: failed before exec, no child left 1\n", label);
        return;
    }
    printf("%s: reaped %d, exited %d, status %d\n", label, got == pid, WIFEXITED(status), WEXITSTATUS(status));
}

/* Spawns sh -c script (by path or through PATH), waits, and prints the exit status. */
static void run(const char *label, int search, const char *script, const posix_spawn_file_actions_t *fa,
                const posix_spawnattr_t *attr, char **envp) {
    char *argv[] = {"sh", "-c", (char *)script, NULL};
    pid_t pid = -1;
    fflush(stdout);
    int r = search ? posix_spawnp(&pid, "sh", fa, attr, argv, envp) : posix_spawn(&pid, "/bin/sh", fa, attr, argv, envp);
    report(label, r, pid);
}

static void show(const char *path) {
    char buffer[256];
    int fd = open(path, O_RDONLY);
    ssize_t n = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    buffer[n > 0 ? n : 0] = 0;
    printf("  %s: %s", path, buffer);
}

int main(void) {
    run("plain", 0, "echo hello from the child; exit 3", NULL, NULL, environ);
    run("through PATH", 1, "exit 0", NULL, NULL, environ);
    char *env[] = {"GREETING=bonjour", NULL};
    run("own environment", 0, "echo \"GREETING=$GREETING\"", NULL, NULL, env);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    run("addopen + adddup2", 0, "echo to-stdout; echo to-stderr >&2", &fa, NULL, environ);
    posix_spawn_file_actions_destroy(&fa);
    show("out.txt");

    int fd = open("in.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, "line from a file\n", 17);
    close(fd);
    fd = open("in.txt", O_RDONLY | O_CLOEXEC);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd, 0);
    posix_spawn_file_actions_addclose(&fa, fd);
    run("dup2 onto stdin, close", 0, "read line; echo \"read: $line\"", &fa, NULL, environ);
    posix_spawn_file_actions_destroy(&fa);
    lseek(fd, 0, SEEK_SET);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fd, fd);
    char script[64];
    snprintf(script, sizeof script, "read line <&%d && echo \"inherited: $line\"", fd);
    run("dup2 onto itself clears FD_CLOEXEC", 0, script, &fa, NULL, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fd);

    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 3, "no/such/dir/file", O_RDONLY, 0);
    run("failing addopen", 0, "echo unreachable", &fa, NULL, environ);
    posix_spawn_file_actions_destroy(&fa);
    run("missing program", 0, NULL, NULL, NULL, environ);
    {
        char *argv[] = {"x", NULL};
        pid_t pid;
        fflush(stdout);
        int r = posix_spawnp(&pid, "no-such-program-anywhere", NULL, NULL, argv, environ);
        report("posix_spawnp of a missing program", r, pid);
        r = posix_spawn(&pid, "/no/such/program", NULL, NULL, argv, environ);
        report("posix_spawn of a missing path", r, pid);
    }

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    short flags = -1;
    posix_spawnattr_getflags(&attr, &flags);
    printf("initial flags %d, unknown flag: %d\n", flags, posix_spawnattr_setflags(&attr, 0x4000) == EINVAL);
    sigset_t mask, got;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR2);
    sigaddset(&mask, SIGTERM);
    posix_spawnattr_setsigmask(&attr, &mask);
    posix_spawnattr_getsigmask(&attr, &got);
    printf("sigmask kept: %d %d %d\n", sigismember(&got, SIGUSR2), sigismember(&got, SIGTERM), sigismember(&got, SIGINT));
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    status_line("signal mask", "SigBlk", &attr);
    status_line("caller's mask", "SigBlk", NULL);

    signal(SIGUSR1, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
    status_line("ignored signals inherited", "SigIgn", NULL);
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    posix_spawnattr_setsigdefault(&attr, &mask);
    posix_spawnattr_getsigdefault(&attr, &got);
    printf("sigdefault kept: %d %d\n", sigismember(&got, SIGUSR1), sigismember(&got, SIGHUP));
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    status_line("SIGUSR1 back to default", "SigIgn", &attr);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGHUP, SIG_DFL);

    pid_t group = -1;
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_getpgroup(&attr, &group);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    printf("pgroup %d\n", group);
    run("own process group", 0, "read a b c d e rest < /proc/$$/stat; [ \"$e\" = \"$$\" ] && echo leads its group", NULL, &attr, environ);
    posix_spawnattr_setflags(&attr, 0);
    run("caller's process group", 0, "read a b c d e rest < /proc/$$/stat; [ \"$e\" = \"$$\" ] || echo in the group of its parent", NULL, &attr, environ);

    struct sched_param param = {.sched_priority = 7};
    posix_spawnattr_setschedparam(&attr, &param);
    param.sched_priority = 0;
    posix_spawnattr_getschedparam(&attr, &param);
    int policy = -1;
    posix_spawnattr_setschedpolicy(&attr, SCHED_OTHER);
    posix_spawnattr_getschedpolicy(&attr, &policy);
    printf("sched param %d, policy %d\n", param.sched_priority, policy);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSCHEDPARAM);
    run("priority 7 under SCHED_OTHER", 0, "exit 9", NULL, &attr, environ);
    param.sched_priority = 0;
    posix_spawnattr_setschedparam(&attr, &param);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSCHEDULER | POSIX_SPAWN_RESETIDS);
    run("SCHED_OTHER, reset ids", 0, "exit 5", NULL, &attr, environ);
    posix_spawnattr_destroy(&attr);

    printf("sched_getscheduler %d\n", sched_getscheduler(0));
    printf("FIFO priorities %d..%d, RR %d..%d, OTHER %d..%d\n", sched_get_priority_min(SCHED_FIFO), sched_get_priority_max(SCHED_FIFO),
           sched_get_priority_min(SCHED_RR), sched_get_priority_max(SCHED_RR), sched_get_priority_min(SCHED_OTHER),
           sched_get_priority_max(SCHED_OTHER));
    errno = 0;
    printf("bad policy: %d %d\n", sched_get_priority_max(77), errno == EINVAL);
    param.sched_priority = -1;
    printf("sched_getparam %d, priority %d\n", sched_getparam(0, &param), param.sched_priority);
    param.sched_priority = 0;
    printf("sched_setparam %d, sched_setscheduler %d\n", sched_setparam(0, &param), sched_setscheduler(0, SCHED_OTHER, &param));
    errno = 0;
    param.sched_priority = 50;
    printf("SCHED_OTHER with priority 50: %d %d\n", sched_setscheduler(0, SCHED_OTHER, &param), errno == EINVAL);
    struct timespec ts;
    printf("sched_rr_get_interval %d\n", sched_rr_get_interval(0, &ts));
    errno = 0;
    printf("no such process: %d %d\n", sched_getscheduler(999999999), errno == ESRCH);
    return 0;
}
