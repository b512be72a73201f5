/* strings.h — POSIX.1-2017. */
#ifndef _STRINGS_H
#define _STRINGS_H
#include <_relibc.h>
#include <stddef.h>
__RELIBC_BEGIN
int ffs(int);
int strcasecmp(const char *, const char *);
int strncasecmp(const char *, const char *, size_t);
__RELIBC_END
#endif
