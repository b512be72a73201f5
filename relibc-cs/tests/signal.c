/* signal.h and setjmp.h: sigaction with SA_SIGINFO (raise, kill), masks and pending signals, signal(), SIG_IGN,
   SA_RESETHAND, sigsuspend, sigwait, alarm's bookkeeping, a SIGSEGV handler leaving by siglongjmp, setjmp/longjmp. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t count, last_signo, last_code, pid_matches;
static sigjmp_buf recover;
static jmp_buf plain;

static void on_info(int sig, siginfo_t *info, void *context) {
    (void)context;
    count++;
    last_signo = info->si_signo == sig ? sig : -1;
    last_code = info->si_code;
    pid_matches = info->si_pid == getpid();
}

static void on_plain(int sig) { count += 100; last_signo = sig; }

static void on_segv(int sig) { siglongjmp(recover, sig); }

static int depth(int n) {
    if (n == 0)
        longjmp(plain, 0);
    return depth(n - 1) + 1;
}

int main(void) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    printf("sigaction: %d\n", sigaction(SIGUSR1, &sa, &old));
    printf("old handler is SIG_DFL: %d\n", old.sa_handler == SIG_DFL);
    raise(SIGUSR1);
    printf("raise: count %d, signo %d, code %s, pid %d\n", count, last_signo, last_code == SI_TKILL ? "SI_TKILL" : "?", pid_matches);
    kill(getpid(), SIGUSR1);
    printf("kill: count %d, code %s, pid %d\n", count, last_code == SI_USER ? "SI_USER" : "?", pid_matches);

    sigset_t block, pending, saved;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &saved);
    raise(SIGUSR1);
    sigpending(&pending);
    printf("blocked: count %d, pending %d\n", count, sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_SETMASK, &saved, NULL);
    printf("unblocked: count %d\n", count);

    __sighandler_t prev = signal(SIGUSR2, on_plain);
    printf("signal(): previous is SIG_DFL %d\n", prev == SIG_DFL);
    raise(SIGUSR2);
    printf("plain handler: count %d, signo %d\n", count, last_signo);
    printf("signal(SIGUSR2, SIG_IGN) returns the handler: %d\n", signal(SIGUSR2, SIG_IGN) == on_plain);
    raise(SIGUSR2);
    printf("ignored: count %d\n", count);

    sa.sa_handler = on_plain;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    sigaction(SIGUSR2, NULL, &old);
    printf("SA_RESETHAND: count %d, reset to SIG_DFL %d\n", count, old.sa_handler == SIG_DFL);

    sigprocmask(SIG_BLOCK, &block, &saved);
    raise(SIGUSR1);
    int got = 0;
    int waited = sigwait(&block, &got);
    printf("sigwait: %d, got %d\n", waited, got);
    raise(SIGUSR1);
    sigset_t during = saved;
    int r = sigsuspend(&during);
    printf("sigsuspend: %d %s, count %d\n", r, errno == EINTR ? "EINTR" : "?", count);
    sigprocmask(SIG_SETMASK, &saved, NULL);

    int e1 = sigaction(0, &sa, NULL) == -1 && errno == EINVAL;
    int e2 = sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL;
    int e3 = sigaddset(&block, 99) == -1 && errno == EINVAL;
    int e4 = sigprocmask(9, &block, NULL) == -1 && errno == EINVAL;
    printf("errors: sigaction(0) %d, sigaction(SIGKILL) %d, sigaddset(99) %d, sigprocmask(how 9) %d\n", e1, e2, e3, e4);
    sigfillset(&block);
    int had = sigismember(&block, SIGTERM);
    int deleted = sigdelset(&block, SIGTERM);
    printf("sigfillset has SIGTERM %d, sigdelset %d then %d\n", had, deleted, sigismember(&block, SIGTERM));

    unsigned a0 = alarm(100);
    unsigned a1 = alarm(0);
    printf("alarm: %u then %u left\n", a0, a1);

    signal(SIGSEGV, on_segv);
    volatile int *nothing = NULL;
    int sig = sigsetjmp(recover, 1);
    if (sig == 0) {
        *nothing = 1;
        printf("no fault?\n");
    } else {
        sigset_t now;
        sigprocmask(SIG_BLOCK, NULL, &now);
        printf("SIGSEGV handled, siglongjmp returned %d, SIGSEGV unblocked again %d\n", sig, !sigismember(&now, SIGSEGV));
    }

    volatile int steps = 0;
    int v = setjmp(plain);
    steps++;
    if (v == 0)
        depth(50);
    printf("setjmp/longjmp(0): returned %d after %d steps\n", v, steps);
    return 0;
}
