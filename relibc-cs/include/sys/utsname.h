/* sys/utsname.h — POSIX.1-2017. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H
#include <_relibc.h>
__RELIBC_BEGIN
struct utsname {
    char sysname[65];
    char nodename[65];
    char release[65];
    char version[65];
    char machine[65];
    char domainname[65];
};
int uname(struct utsname *);
__RELIBC_END
#endif
