/* The headers' ABI against glibc's on the same machine: every errno value, the stdlib/inttypes structs' sizes and
   offsets, and the constants a program can observe (EOF, EXIT_*, SEEK_*, the standard descriptors, PRI macros, PROT_* and MAP_*). */
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define E(x) printf("%s=%d\n", #x, x)
#define S(t, a, b) printf("sizeof(%s)=%zu offsetof %s=%zu %s=%zu\n", #t, sizeof(t), #a, offsetof(t, a), #b, offsetof(t, b))

int main(void) {
    E(EPERM); E(ENOENT); E(ESRCH); E(EINTR); E(EIO); E(ENXIO); E(E2BIG); E(ENOEXEC); E(EBADF); E(ECHILD); E(EAGAIN);
    E(EWOULDBLOCK); E(ENOMEM); E(EACCES); E(EFAULT); E(EBUSY); E(EEXIST); E(EXDEV); E(ENODEV); E(ENOTDIR); E(EISDIR);
    E(EINVAL); E(ENFILE); E(EMFILE); E(ENOTTY); E(EFBIG); E(ENOSPC); E(ESPIPE); E(EROFS); E(EMLINK); E(EPIPE); E(EDOM);
    E(ERANGE); E(ENAMETOOLONG); E(ENOSYS); E(ENOTEMPTY); E(EOVERFLOW); E(EILSEQ);
    S(div_t, quot, rem); S(ldiv_t, quot, rem); S(lldiv_t, quot, rem); S(imaxdiv_t, quot, rem);
    E(EOF); E(EXIT_SUCCESS); E(EXIT_FAILURE); E(RAND_MAX); E(SEEK_SET); E(SEEK_CUR); E(SEEK_END);
    E(STDIN_FILENO); E(STDOUT_FILENO); E(STDERR_FILENO);
    E(PROT_NONE); E(PROT_READ); E(PROT_WRITE); E(PROT_EXEC); E(MAP_SHARED); E(MAP_PRIVATE); E(MAP_FIXED); E(MAP_ANONYMOUS);
    printf("MAP_FAILED=%d\n", MAP_FAILED == (void *)-1);
    printf("PRId64=%s PRIu64=%s PRIx64=%s PRIdMAX=%s PRIuPTR=%s SCNd64=%s\n", PRId64, PRIu64, PRIx64, PRIdMAX, PRIuPTR, SCNd64);
    printf("sizeof ssize_t=%zu off_t=%zu pid_t=%zu\n", sizeof(ssize_t), sizeof(off_t), sizeof(pid_t));
    return 0;
}
