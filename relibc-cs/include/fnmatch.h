/* fnmatch.h — POSIX.1-2017 (src/Header/Fnmatch/; glibc's flag values, with its FNM_LEADING_DIR and FNM_CASEFOLD). */
#ifndef _FNMATCH_H
#define _FNMATCH_H
#include <_relibc.h>
#define FNM_PATHNAME 1
#define FNM_NOESCAPE 2
#define FNM_PERIOD 4
#define FNM_LEADING_DIR 8
#define FNM_CASEFOLD 16
#define FNM_FILE_NAME FNM_PATHNAME
#define FNM_NOMATCH 1
__RELIBC_BEGIN
int fnmatch(const char *, const char *, int);
__RELIBC_END
#endif
