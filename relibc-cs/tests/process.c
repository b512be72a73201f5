/* fork, the wait family and their status macros, pipes between processes, the exec family with PATH search, ids. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    fflush(stdout);
    pid_t child = fork();
    if (child == 0)
        _exit(42);
    int status = -1;
    pid_t got = waitpid(child, &status, 0);
    printf("fork+waitpid: same pid %d, exited %d, status %d\n", got == child, WIFEXITED(status), WEXITSTATUS(status));

    child = fork();
    if (child == 0)
        abort();
    waitpid(child, &status, 0);
    printf("abort in child: signaled %d, signal %d, exited %d\n", WIFSIGNALED(status), WTERMSIG(status), WIFEXITED(status));

    int p[2];
    pipe(p);
    fflush(stdout);
    child = fork();
    if (child == 0) {
        close(p[0]);
        char msg[64];
        int n = snprintf(msg, sizeof msg, "child's parent is the parent: %d", getppid() > 1);
        write(p[1], msg, n);
        _exit(0);
    }
    close(p[1]);
    char buf[128] = {0};
    ssize_t total = 0, n;
    while ((n = read(p[0], buf + total, sizeof buf - 1 - total)) > 0)
        total += n;
    close(p[0]);
    wait(&status);
    printf("pipe from child: [%s]\n", buf);

    int w = wait(&status);
    printf("wait with no children: %d %s\n", w, errno == ECHILD ? "ECHILD" : "?");
    w = waitpid(-1, &status, WNOHANG);
    printf("waitpid WNOHANG with no children: %d %s\n", w, errno == ECHILD ? "ECHILD" : "?");

    fflush(stdout);
    child = fork();
    if (child == 0) {
        char *argv[] = {"echo", "exec'd", "echo", NULL};
        execvp("echo", argv);
        _exit(127);
    }
    waitpid(child, &status, 0);
    printf("execvp echo: status %d\n", WEXITSTATUS(status));
    fflush(stdout);
    child = fork();
    if (child == 0) {
        execl("/bin/sh", "sh", "-c", "exit 7", (char *)NULL);
        _exit(127);
    }
    waitpid(child, &status, 0);
    printf("execl sh -c 'exit 7': status %d\n", WEXITSTATUS(status));
    char *argv[] = {"nothing", NULL};
    w = execvp("no-such-program-here", argv);
    printf("execvp of a missing program: %d %s\n", w, errno == ENOENT ? "ENOENT" : "?");
    w = execv("/no/such/file", argv);
    printf("execv of a missing path: %d %s\n", w, errno == ENOENT ? "ENOENT" : "?");

    printf("ids: uid==euid %d, gid==egid %d, pgrp==getpgid(0) %d, sid>0 %d\n", getuid() == geteuid(), getgid() == getegid(),
           getpgrp() == getpgid(0), getsid(0) > 0);
    struct utsname u;
    w = uname(&u);
    printf("uname: %d %s\n", w, u.sysname);
    char host[256];
    printf("gethostname matches uname: %d\n", gethostname(host, sizeof host) == 0 && strcmp(host, u.nodename) == 0);
    long bad = sysconf(-5);
    int einval = errno == EINVAL;
    printf("sysconf pagesize %ld, clk_tck %ld, nprocs>0 %d, bad %ld %s\n", sysconf(_SC_PAGESIZE), sysconf(_SC_CLK_TCK),
           sysconf(_SC_NPROCESSORS_ONLN) > 0, bad, einval ? "EINVAL" : "?");
    printf("sleep(0): %u\n", sleep(0));
    return 0;
}
