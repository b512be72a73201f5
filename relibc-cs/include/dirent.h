/* dirent.h — POSIX.1-2017 (src/Header/Dirent/Dirent.cs). */
#ifndef _DIRENT_H
#define _DIRENT_H
#include <_relibc.h>
#include <sys/types.h>
#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
__RELIBC_BEGIN
typedef struct __relibc_dir DIR;
struct dirent {
    ino_t d_ino;
    off_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};
DIR *opendir(const char *);
DIR *fdopendir(int);
struct dirent *readdir(DIR *);
int closedir(DIR *);
void rewinddir(DIR *);
int dirfd(DIR *);
__RELIBC_END
#endif
