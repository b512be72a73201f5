/* unistd.h and errno: write/read/close/lseek on the standard descriptors, errors set errno, isatty, environ, getenv, _exit skips atexit. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;
static void never(void) { puts("atexit after _exit: WRONG"); }

int main(void) {
    ssize_t n = write(STDOUT_FILENO, "raw write\n", 10);
    printf("write returned %zd\n", n);
    errno = 0;
    printf("write(-1): %zd errno EBADF:%d\n", write(-1, "x", 1), errno == EBADF);
    errno = 0;
    printf("close(999): %d errno EBADF:%d\n", close(999), errno == EBADF);
    char c;
    errno = 0;
    printf("read(-5): %zd errno EBADF:%d\n", read(-5, &c, 1), errno == EBADF);
    errno = 0;
    printf("lseek(-1): %ld errno EBADF:%d\n", (long)lseek(-1, 0, SEEK_SET), errno == EBADF);
    errno = 0;
    printf("isatty(-1): %d errno EBADF:%d\n", isatty(-1), errno == EBADF);
    printf("getpid positive: %d\n", getpid() > 0);
    int count = 0;
    for (char **e = environ; *e; e++) count++;
    printf("environ non-empty: %d, PATH found: %d, missing: %d, prefix-only: %d\n", count > 0, getenv("PATH") != NULL,
           getenv("VERIDIAN_SURELY_UNSET_VARIABLE") == NULL, getenv("PAT") == NULL);
    atexit(never);
    fflush(stdout);
    _exit(7);
}
