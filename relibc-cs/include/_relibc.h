/* relibc-cs: shared definitions of its headers (not a standard header). */
#ifndef _RELIBC_H
#define _RELIBC_H
#ifdef __cplusplus
#define __RELIBC_BEGIN extern "C" {
#define __RELIBC_END }
#else
#define __RELIBC_BEGIN
#define __RELIBC_END
#endif
#define __RELIBC_NORETURN __attribute__((__noreturn__))
#endif
