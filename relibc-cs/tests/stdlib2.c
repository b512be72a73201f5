/* stdlib.h's random numbers (glibc's sequences), environment changes, mkstemp/mkdtemp, realpath, system, abort
   with a returning handler, quick_exit; strings.h; libgen.h. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_abort(int sig) { (void)sig; }
static void bye(void) { printf("at_quick_exit handler ran\n"); fflush(stdout); }
static void not_me(void) { printf("atexit handler must not run\n"); }

int main(void) {
    printf("rand (unseeded):");
    for (int i = 0; i < 5; i++) printf(" %d", rand());
    srand(42);
    printf("\nrand (seed 42):");
    for (int i = 0; i < 5; i++) printf(" %d", rand());
    srandom(7);
    printf("\nrandom (seed 7):");
    for (int i = 0; i < 3; i++) printf(" %ld", random());
    unsigned s = 12345;
    printf("\nrand_r:");
    for (int i = 0; i < 3; i++) printf(" %d", rand_r(&s));
    srand48(2024);
    double d48 = drand48();
    long l48 = lrand48();
    printf("\ndrand48 %.17g lrand48 %ld mrand48 %ld\n", d48, l48, mrand48());
    unsigned short x[3] = {1, 2, 3};
    double e48 = erand48(x);
    long n48 = nrand48(x);
    printf("erand48 %.17g nrand48 %ld jrand48 %ld\n", e48, n48, jrand48(x));
    unsigned short seed[3] = {9, 8, 7};
    unsigned short *old = seed48(seed);
    long after = lrand48();
    printf("seed48 returned the old state %d; lrand48 %ld\n", old != NULL, after);

    int r0 = setenv("RELIBC_T", "one", 0);
    printf("setenv new %d -> %s\n", r0, getenv("RELIBC_T"));
    r0 = setenv("RELIBC_T", "two", 0);
    printf("setenv no overwrite %d -> %s\n", r0, getenv("RELIBC_T"));
    r0 = setenv("RELIBC_T", "three", 1);
    printf("setenv overwrite %d -> %s\n", r0, getenv("RELIBC_T"));
    static char entry[] = "RELIBC_P=put";
    r0 = putenv(entry);
    printf("putenv %d -> %s\n", r0, getenv("RELIBC_P"));
    entry[9] = 'P';
    printf("putenv keeps the string: %s\n", getenv("RELIBC_P"));
    r0 = unsetenv("RELIBC_T");
    printf("unsetenv %d -> %s\n", r0, getenv("RELIBC_T") ? "still there" : "gone");
    int bad1 = setenv("A=B", "x", 1), e1 = errno;
    int bad2 = setenv("", "x", 1), e2 = errno;
    printf("setenv errors: %d %s, %d %s\n", bad1, e1 == EINVAL ? "EINVAL" : "?", bad2, e2 == EINVAL ? "EINVAL" : "?");
    for (int i = 0; i < 200; i++) {
        char name[32];
        snprintf(name, sizeof name, "RELIBC_MANY_%d", i);
        setenv(name, "v", 1);
    }
    printf("200 more variables: %s\n", getenv("RELIBC_MANY_199") && getenv("RELIBC_P") ? "all there" : "lost some");

    char tmpl[] = "relibc-XXXXXX";
    int fd = mkstemp(tmpl);
    struct stat st;
    int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    printf("mkstemp: fd ok %d, name changed %d, regular %d, mode %o\n", fd >= 0, strcmp(tmpl, "relibc-XXXXXX") != 0, regular, st.st_mode & 0777);
    close(fd);
    unlink(tmpl);
    char bad[] = "relibc-XXXX";
    int r = mkstemp(bad);
    printf("mkstemp bad template: %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");
    char dtmpl[] = "relibc-dir-XXXXXX";
    char *dir = mkdtemp(dtmpl);
    int isdir = stat(dtmpl, &st) == 0 && S_ISDIR(st.st_mode);
    printf("mkdtemp: %d, directory %d, mode %o\n", dir == dtmpl, isdir, st.st_mode & 0777);

    char cwd[PATH_MAX], buf[PATH_MAX], expect[PATH_MAX];
    getcwd(cwd, sizeof cwd);
    int same = realpath(".", buf) != NULL && strcmp(buf, cwd) == 0;
    printf("realpath(.) is getcwd: %d\n", same);
    snprintf(expect, sizeof expect, "%s/%s", cwd, dtmpl);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/../%s/./", dtmpl, dtmpl + 0);
    char *p = realpath(dtmpl, NULL);
    printf("realpath(dir) allocated: %d\n", p != NULL && strcmp(p, expect) == 0);
    free(p);
    char link1[PATH_MAX], link2[PATH_MAX];
    snprintf(link1, sizeof link1, "%s/l1", dtmpl);
    snprintf(link2, sizeof link2, "%s/l2", dtmpl);
    symlink(".", link1);
    symlink("l1/../", link2);
    snprintf(path, sizeof path, "%s//l2/l1/.", dtmpl);
    same = realpath(path, buf) != NULL && strcmp(buf, cwd) == 0;
    printf("realpath through links: %d\n", same);
    char *root = realpath("/", buf);
    printf("realpath(/) %s\n", root);
    char *missing = realpath("no/such/thing", buf);
    printf("realpath missing: %s %s\n", missing ? "?" : "NULL", errno == ENOENT ? "ENOENT" : "?");
    snprintf(path, sizeof path, "%s/loop", dtmpl);
    symlink("loop", path);
    missing = realpath(path, buf);
    printf("realpath loop: %s %s\n", missing ? "?" : "NULL", errno == ELOOP ? "ELOOP" : "?");
    unlink(path);
    unlink(link1);
    unlink(link2);
    rmdir(dtmpl);

    fflush(stdout);
    int status = system("exit 3");
    int shell = system(NULL) != 0;
    printf("system(exit 3): exited %d, status %d; system(NULL) %d\n", WIFEXITED(status), WEXITSTATUS(status), shell);
    fflush(stdout);
    status = system("echo from the shell");
    printf("system(echo): %d\n", WEXITSTATUS(status));

    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        signal(SIGABRT, on_abort);
        abort();
    }
    waitpid(child, &status, 0);
    printf("abort with a returning handler: signaled %d, signal %d\n", WIFSIGNALED(status), WTERMSIG(status));

    printf("ffs: %d %d %d %d\n", ffs(0), ffs(1), ffs(0x80), ffs(INT_MIN));
    printf("strcasecmp: %d %d %d; strncasecmp: %d %d\n", strcasecmp("Hello", "hELLO") == 0, strcasecmp("abc", "ABD") < 0,
           strcasecmp("b", "A") > 0, strncasecmp("ABCdef", "abcXYZ", 3) == 0, strncasecmp("ab", "AC", 2) < 0);
    const char *names[] = {"/usr/lib", "/usr/", "usr", "/", ".", "..", "a/b/c//", "//", "///x", ""};
    for (int i = 0; i < 10; i++) {
        char a[32], b[32];
        strcpy(a, names[i]);
        strcpy(b, names[i]);
        printf("[%s]: basename [%s] dirname [%s]\n", names[i], basename(a), dirname(b));
    }
    printf("basename(NULL) [%s] dirname(NULL) [%s]\n", basename(NULL), dirname(NULL));

    atexit(not_me);
    at_quick_exit(bye);
    fflush(stdout);
    quick_exit(0);
}
