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
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
#define _SC_ARG_MAX 0
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
__RELIBC_BEGIN
ssize_t write(int, const void *, size_t);
ssize_t read(int, void *, size_t);
int close(int);
pid_t tcgetpgrp(int);
int tcsetpgrp(int, pid_t);
int unlink(const char *);
int rmdir(const char *);
off_t lseek(int, off_t, int);
pid_t getpid(void);
int isatty(int);
__RELIBC_NORETURN void _exit(int);
int dup(int);
int dup2(int, int);
int pipe(int[2]);
ssize_t pread(int, void *, size_t, off_t);
ssize_t pwrite(int, const void *, size_t, off_t);
int fsync(int);
int fdatasync(int);
int ftruncate(int, off_t);
int truncate(const char *, off_t);
char *getcwd(char *, size_t);
int chdir(const char *);
int fchdir(int);
int unlinkat(int, const char *, int);
int link(const char *, const char *);
int linkat(int, const char *, int, const char *, int);
int symlink(const char *, const char *);
int symlinkat(const char *, int, const char *);
ssize_t readlink(const char *__restrict, char *__restrict, size_t);
ssize_t readlinkat(int, const char *__restrict, char *__restrict, size_t);
int access(const char *, int);
int faccessat(int, const char *, int, int);
pid_t fork(void);
int execve(const char *, char *const[], char *const[]);
int execv(const char *, char *const[]);
int execvp(const char *, char *const[]);
int execl(const char *, const char *, ...);
int execlp(const char *, const char *, ...);
int execle(const char *, const char *, ...);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
pid_t getpgid(pid_t);
pid_t getpgrp(void);
int setpgid(pid_t, pid_t);
pid_t getsid(pid_t);
pid_t setsid(void);
unsigned sleep(unsigned);
unsigned alarm(unsigned);
int pause(void);
int gethostname(char *, size_t);
long sysconf(int);
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int, char *const[], const char *);
extern char **environ;
__RELIBC_END
#endif
