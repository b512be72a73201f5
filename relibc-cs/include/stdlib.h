/* stdlib.h — C17 7.22, POSIX.1-2017. */
#ifndef _STDLIB_H
#define _STDLIB_H
#include <_relibc.h>
#include <stddef.h>
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define MB_CUR_MAX (__ctype_get_mb_cur_max())
__RELIBC_BEGIN
size_t __ctype_get_mb_cur_max(void);
int posix_openpt(int);
int grantpt(int);
int unlockpt(int);
char *ptsname(int);
int mblen(const char *, size_t);
int mbtowc(__WCHAR_TYPE__ *__restrict, const char *__restrict, size_t);
int wctomb(char *, __WCHAR_TYPE__);
size_t mbstowcs(__WCHAR_TYPE__ *__restrict, const char *__restrict, size_t);
size_t wcstombs(char *__restrict, const __WCHAR_TYPE__ *__restrict, size_t);
typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;
long strtol(const char *__restrict, char **__restrict, int);
long long strtoll(const char *__restrict, char **__restrict, int);
unsigned long strtoul(const char *__restrict, char **__restrict, int);
unsigned long long strtoull(const char *__restrict, char **__restrict, int);
double strtod(const char *__restrict, char **__restrict);
float strtof(const char *__restrict, char **__restrict);
double atof(const char *);
int atoi(const char *);
long atol(const char *);
long long atoll(const char *);
int abs(int);
long labs(long);
long long llabs(long long);
div_t div(int, int);
ldiv_t ldiv(long, long);
lldiv_t lldiv(long long, long long);
void qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void *bsearch(const void *, const void *, size_t, size_t, int (*)(const void *, const void *));
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
int rand(void);
void srand(unsigned);
int rand_r(unsigned *);
long random(void);
void srandom(unsigned);
double drand48(void);
double erand48(unsigned short[3]);
long lrand48(void);
long nrand48(unsigned short[3]);
long mrand48(void);
long jrand48(unsigned short[3]);
void srand48(long);
unsigned short *seed48(unsigned short[3]);
void lcong48(unsigned short[7]);
int setenv(const char *, const char *, int);
int unsetenv(const char *);
int putenv(char *);
int clearenv(void);
int mkstemp(char *);
char *mkdtemp(char *);
char *realpath(const char *__restrict, char *__restrict);
int system(const char *);
int at_quick_exit(void (*)(void));
__RELIBC_NORETURN void quick_exit(int);
__RELIBC_END
#endif
