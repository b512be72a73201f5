/* stdlib.h — C17 7.22, POSIX.1-2017. */
#ifndef _STDLIB_H
#define _STDLIB_H
#include <_relibc.h>
#include <stddef.h>
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
__RELIBC_BEGIN
void *malloc(size_t);
void *calloc(size_t, size_t);
void *realloc(void *, size_t);
void free(void *);
void *aligned_alloc(size_t, size_t);
int posix_memalign(void **, size_t, size_t);
size_t malloc_usable_size(void *);
int atexit(void (*)(void));
__RELIBC_NORETURN void exit(int);
__RELIBC_NORETURN void _Exit(int);
__RELIBC_NORETURN void abort(void);
char *getenv(const char *);
__RELIBC_END
#endif
