/* sys/wait.h — POSIX.1-2017 (Linux's status encoding). */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H
#include <_relibc.h>
#include <sys/types.h>
#define WNOHANG 1
#define WUNTRACED 2
#define WCONTINUED 8
#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (!WTERMSIG(s))
#define WIFSTOPPED(s) ((short)((((s) & 0xffff) * 0x10001U) >> 8) > 0x7f00)
#define WIFSIGNALED(s) (((s) & 0xffff) - 1U < 0xffu)
#define WIFCONTINUED(s) ((s) == 0xffff)
#define WCOREDUMP(s) ((s) & 0x80)
__RELIBC_BEGIN
pid_t wait(int *);
pid_t waitpid(pid_t, int *, int);
__RELIBC_END
#endif
