/* fcntl.h, unistd.h's file calls, sys/stat.h, dirent.h: a small tree made, inspected and removed, with the errors. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void show(const char *label, int r) { printf("%-28s %d%s%s\n", label, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : ""); }

int main(void) {
    umask(022);
    char base[64];
    snprintf(base, sizeof base, "files-test-%d", (int)getpid() % 1);
    show("mkdir", mkdir(base, 0755));
    show("mkdir again", mkdir(base, 0755));
    show("chdir", chdir(base));
    char cwd[4096];
    printf("getcwd ends with the folder: %d\n", getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd + strlen(cwd) - strlen(base), base) == 0);
    char *tiny = getcwd(cwd, 1);
    printf("getcwd(buf, 1): %s, errno %s\n", tiny ? "?" : "NULL", errno == ERANGE ? "ERANGE" : "?");

    int fd = open("a.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    printf("open for writing: %s\n", fd >= 0 ? "ok" : strerror(errno));
    printf("write: %zd\n", write(fd, "hello, world\n", 13));
    printf("pwrite at 7: %zd\n", pwrite(fd, "there", 5, 7));
    printf("fcntl F_GETFL accmode: %d, F_GETFD: %d\n", fcntl(fd, F_GETFL) & O_ACCMODE, fcntl(fd, F_GETFD));
    int set = fcntl(fd, F_SETFD, FD_CLOEXEC);
    printf("fcntl F_SETFD cloexec: %d -> %d\n", set, fcntl(fd, F_GETFD));
    int d = dup(fd);
    printf("dup is a new descriptor: %d\n", d > fd);
    int same = dup2(fd, fd) == fd, hundred = dup2(fd, 100);
    printf("dup2 onto itself: %d, onto 100: %d\n", same, hundred);
    close(100);
    close(d);
    int synced = fsync(fd);
    printf("fsync %d, fdatasync %d\n", synced, fdatasync(fd));
    close(fd);
    show("open missing", open("missing.txt", O_RDONLY));
    show("open O_EXCL existing", open("a.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    show("open file as directory", open("a.txt", O_RDONLY | O_DIRECTORY));

    fd = open("a.txt", O_RDONLY);
    char buf[64] = {0};
    ssize_t r5 = pread(fd, buf, 5, 7);
    printf("pread 5 at 7: %zd [%.5s]\n", r5, buf);
    ssize_t rall = read(fd, buf, sizeof buf);
    printf("read: %zd [%.13s]\n", rall, buf);
    struct stat st, st2;
    int fs = fstat(fd, &st);
    printf("fstat %d: size %lld, regular %d, mode %o, nlink %lu\n", fs, (long long)st.st_size, S_ISREG(st.st_mode), st.st_mode & 0777, (unsigned long)st.st_nlink);
    close(fd);
    printf("stat same inode as fstat: %d, mtime set %d\n", stat("a.txt", &st2) == 0 && st2.st_ino == st.st_ino, st2.st_mtime > 1000000000);
    show("truncate to 4", truncate("a.txt", 4));
    stat("a.txt", &st);
    printf("size after truncate: %lld\n", (long long)st.st_size);
    show("creat b.txt", (fd = creat("b.txt", 0600)) >= 0 ? 0 : -1);
    printf("ftruncate 1000: %d\n", ftruncate(fd, 1000));
    fstat(fd, &st);
    printf("b.txt size %lld mode %o\n", (long long)st.st_size, st.st_mode & 0777);
    close(fd);
    show("chmod 0640", chmod("b.txt", 0640));
    stat("b.txt", &st);
    printf("b.txt mode %o\n", st.st_mode & 0777);

    show("link", link("a.txt", "c.txt"));
    stat("a.txt", &st);
    printf("nlink after link: %lu\n", (unsigned long)st.st_nlink);
    show("symlink", symlink("a.txt", "s.lnk"));
    ssize_t n = readlink("s.lnk", buf, sizeof buf);
    printf("readlink: %zd [%.*s]\n", n, (int)n, buf);
    int islink = lstat("s.lnk", &st) == 0 && S_ISLNK(st.st_mode);
    int follows = stat("s.lnk", &st2) == 0 && S_ISREG(st2.st_mode);
    printf("lstat is a link: %d, stat follows: %d\n", islink, follows);
    show("readlink of a file", (int)readlink("a.txt", buf, sizeof buf));
    show("rename c -> d", rename("c.txt", "d.txt"));
    show("access d R_OK", access("d.txt", R_OK));
    show("access c F_OK", access("c.txt", F_OK));
    show("mkdir sub", mkdir("sub", 0700));
    stat("sub", &st);
    printf("sub is a directory %d, mode %o\n", S_ISDIR(st.st_mode), st.st_mode & 0777);
    show("rmdir of a file", rmdir("a.txt"));
    show("unlink of a directory", unlink("sub"));

    int p[2];
    printf("pipe: %d\n", pipe(p));
    ssize_t wrote = write(p[1], "xyz", 3);
    ssize_t got = read(p[0], buf, sizeof buf);
    printf("pipe write %zd, read %zd\n", wrote, got);
    close(p[0]);
    close(p[1]);

    DIR *dir = opendir(".");
    char *names[16];
    int count = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL && count < 16)
        names[count++] = strdup(e->d_name);
    qsort(names, count, sizeof names[0], cmp);
    printf("readdir:");
    for (int i = 0; i < count; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
    rewinddir(dir);
    int again = 0;
    while (readdir(dir) != NULL)
        again++;
    printf("after rewinddir: %d entries, dirfd valid %d\n", again, dirfd(dir) >= 0);
    closedir(dir);
    printf("opendir of a file: %s\n", opendir("a.txt") == NULL && errno == ENOTDIR ? "ENOTDIR" : "?");

    unlink("a.txt");
    unlink("b.txt");
    unlink("d.txt");
    unlink("s.lnk");
    rmdir("sub");
    show("chdir ..", chdir(".."));
    show("rmdir", rmdir(base));
    show("rmdir again", rmdir(base));
    return 0;
}
