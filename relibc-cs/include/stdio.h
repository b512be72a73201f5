/* stdio.h — C17 7.21, POSIX.1-2017. */
#ifndef _STDIO_H
#define _STDIO_H
#include <_relibc.h>
#include <stddef.h>
#include <sys/types.h>
#ifndef _VA_LIST /* POSIX: stdio.h defines va_list (the guard is clang's stdarg.h's, so either may come first) */
typedef __builtin_va_list va_list;
#define _VA_LIST
#endif
#define EOF (-1)
#define BUFSIZ 4096
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
__RELIBC_BEGIN
typedef struct __relibc_file FILE;
extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr
int fputc(int, FILE *);
int putc(int, FILE *);
int putchar(int);
int fputs(const char *__restrict, FILE *__restrict);
int puts(const char *);
size_t fwrite(const void *__restrict, size_t, size_t, FILE *__restrict);
int fflush(FILE *);
int ferror(FILE *);
FILE *fopen(const char *__restrict, const char *__restrict);
FILE *fdopen(int, const char *);
int fclose(FILE *);
size_t fread(void *__restrict, size_t, size_t, FILE *__restrict);
int fgetc(FILE *);
int getc(FILE *);
int getchar(void);
char *fgets(char *__restrict, int, FILE *__restrict);
int ungetc(int, FILE *);
int feof(FILE *);
void clearerr(FILE *);
int fileno(FILE *);
int fseek(FILE *, long, int);
long ftell(FILE *);
void rewind(FILE *);
int setvbuf(FILE *__restrict, char *__restrict, int, size_t);
int remove(const char *);
int printf(const char *__restrict, ...) __attribute__((__format__(__printf__, 1, 2)));
int fprintf(FILE *__restrict, const char *__restrict, ...) __attribute__((__format__(__printf__, 2, 3)));
int sprintf(char *__restrict, const char *__restrict, ...) __attribute__((__format__(__printf__, 2, 3)));
int snprintf(char *__restrict, size_t, const char *__restrict, ...) __attribute__((__format__(__printf__, 3, 4)));
int dprintf(int, const char *__restrict, ...) __attribute__((__format__(__printf__, 2, 3)));
int vprintf(const char *__restrict, va_list) __attribute__((__format__(__printf__, 1, 0)));
int vfprintf(FILE *__restrict, const char *__restrict, va_list) __attribute__((__format__(__printf__, 2, 0)));
int vsprintf(char *__restrict, const char *__restrict, va_list) __attribute__((__format__(__printf__, 2, 0)));
int vsnprintf(char *__restrict, size_t, const char *__restrict, va_list) __attribute__((__format__(__printf__, 3, 0)));
int vdprintf(int, const char *__restrict, va_list) __attribute__((__format__(__printf__, 2, 0)));
int rename(const char *, const char *);
int renameat(int, const char *, int, const char *);
int scanf(const char *__restrict, ...) __attribute__((__format__(__scanf__, 1, 2)));
int fscanf(FILE *__restrict, const char *__restrict, ...) __attribute__((__format__(__scanf__, 2, 3)));
int sscanf(const char *__restrict, const char *__restrict, ...) __attribute__((__format__(__scanf__, 2, 3)));
int vscanf(const char *__restrict, va_list) __attribute__((__format__(__scanf__, 1, 0)));
int vfscanf(FILE *__restrict, const char *__restrict, va_list) __attribute__((__format__(__scanf__, 2, 0)));
int vsscanf(const char *__restrict, const char *__restrict, va_list) __attribute__((__format__(__scanf__, 2, 0)));
void perror(const char *);
ssize_t getline(char **__restrict, size_t *__restrict, FILE *__restrict);
ssize_t getdelim(char **__restrict, size_t *__restrict, int, FILE *__restrict);
void setbuf(FILE *__restrict, char *__restrict);
int fseeko(FILE *, off_t, int);
off_t ftello(FILE *);
typedef long fpos_t;
int fgetpos(FILE *__restrict, fpos_t *__restrict);
int fsetpos(FILE *, const fpos_t *);
FILE *tmpfile(void);
char *ctermid(char *);
void flockfile(FILE *);
int ftrylockfile(FILE *);
void funlockfile(FILE *);
int getc_unlocked(FILE *);
int getchar_unlocked(void);
int putc_unlocked(int, FILE *);
int putchar_unlocked(int);
__RELIBC_END
#endif
