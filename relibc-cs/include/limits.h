/* limits.h — C17 7.10 from clang's own header, plus POSIX.1-2017's limits for relibc-cs's targets (LP64 Linux and
   VeridianOS). */
#ifndef _RELIBC_LIMITS_H
#define _RELIBC_LIMITS_H
#include_next <limits.h>
/* clang's MB_LEN_MAX is 1; a UTF-8 character is up to 4 bytes (glibc says 16). */
#undef MB_LEN_MAX
#define MB_LEN_MAX 16
#define NL_ARGMAX 4096
#define PATH_MAX 4096
#define NAME_MAX 255
#define PIPE_BUF 4096
#define ARG_MAX 2097152
#define LINE_MAX 2048
#define NGROUPS_MAX 65536
#define IOV_MAX 1024
#define HOST_NAME_MAX 64
#define LOGIN_NAME_MAX 256
#define TTY_NAME_MAX 32
#define SYMLOOP_MAX 40
#define OPEN_MAX 1024
#define PTHREAD_KEYS_MAX 128
#define PTHREAD_STACK_MIN 16384
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#define SSIZE_MAX LONG_MAX
#define _POSIX_PATH_MAX 256
#define _POSIX_NAME_MAX 14
#define _POSIX_ARG_MAX 4096
#define _POSIX_OPEN_MAX 20
#endif
