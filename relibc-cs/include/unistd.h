/* unistd.h — POSIX.1-2017. */
#ifndef _UNISTD_H
#define _UNISTD_H
#include <_relibc.h>
#include <sys/types.h>
#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
__RELIBC_BEGIN
ssize_t write(int, const void *, size_t);
ssize_t read(int, void *, size_t);
int close(int);
int unlink(const char *);
int rmdir(const char *);
off_t lseek(int, off_t, int);
pid_t getpid(void);
int isatty(int);
__RELIBC_NORETURN void _exit(int);
extern char **environ;
__RELIBC_END
#endif
