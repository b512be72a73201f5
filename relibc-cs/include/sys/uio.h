/* sys/uio.h — POSIX.1-2017. */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H
#include <_relibc.h>
#include <sys/types.h>
__RELIBC_BEGIN
struct iovec { void *iov_base; size_t iov_len; };
ssize_t readv(int, const struct iovec *, int);
ssize_t writev(int, const struct iovec *, int);
__RELIBC_END
#endif
