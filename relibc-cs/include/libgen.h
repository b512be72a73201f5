/* libgen.h — POSIX.1-2017 (the POSIX basename, which may change its argument). */
#ifndef _LIBGEN_H
#define _LIBGEN_H
#include <_relibc.h>
__RELIBC_BEGIN
char *basename(char *);
char *dirname(char *);
__RELIBC_END
#endif
