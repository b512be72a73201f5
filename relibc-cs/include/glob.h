/* glob.h — POSIX.1-2017 (src/Header/Glob/; glibc's flag and error values). */
#ifndef _GLOB_H
#define _GLOB_H
#include <_relibc.h>
#include <stddef.h>
#define GLOB_ERR 1
#define GLOB_MARK 2
#define GLOB_NOSORT 4
#define GLOB_DOOFFS 8
#define GLOB_NOCHECK 16
#define GLOB_APPEND 32
#define GLOB_NOESCAPE 64
#define GLOB_NOSPACE 1
#define GLOB_ABORTED 2
#define GLOB_NOMATCH 3
typedef struct {
    size_t gl_pathc;
    char **gl_pathv;
    size_t gl_offs;
    int gl_flags;
    void *__reserved[5];
} glob_t;
__RELIBC_BEGIN
int glob(const char *__restrict, int, int (*)(const char *, int), glob_t *__restrict);
void globfree(glob_t *);
__RELIBC_END
#endif
