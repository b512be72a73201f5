/* termios.h on a pseudo-terminal (posix_openpt, grantpt, unlockpt, ptsname): tcgetattr's defaults, cfmakeraw and
   tcsetattr, speeds, tcdrain/tcflow/tcflush/tcsendbreak, tcgetsid, tcgetpgrp/tcsetpgrp, bytes both ways, and the errors (ENOTTY, EINVAL). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static void show(const char *label, const struct termios *t) {
    printf("%s: iflag %o oflag %o cflag %o lflag %o line %d cc", label, t->c_iflag, t->c_oflag, t->c_cflag, t->c_lflag, t->c_line);
    for (int i = 0; i < NCCS; i++)
        printf(" %d", t->c_cc[i]);
    printf(" ispeed %o ospeed %o\n", cfgetispeed(t), cfgetospeed(t));
}

int main(void) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) {
        printf("posix_openpt failed: %s\n", strerror(errno));
        return 1;
    }
    printf("grantpt %d unlockpt %d\n", grantpt(master), unlockpt(master));
    const char *name = ptsname(master);
    printf("ptsname starts with /dev/pts/: %d\n", name && strncmp(name, "/dev/pts/", 9) == 0);
    int slave = open(name, O_RDWR | O_NOCTTY);
    struct termios t;
    memset(&t, 0x55, sizeof t);
    printf("tcgetattr %d\n", tcgetattr(slave, &t));
    show("default", &t);
    struct termios raw = t;
    cfmakeraw(&raw);
    show("cfmakeraw", &raw);
    printf("tcsetattr %d\n", tcsetattr(slave, TCSANOW, &raw));
    struct termios back;
    tcgetattr(slave, &back);
    show("after TCSANOW", &back);
    printf("cfsetospeed B9600 %d, cfsetispeed B0 %d, bad speed %d EINVAL %d\n", cfsetospeed(&back, B9600), cfsetispeed(&back, B0),
           cfsetospeed(&back, 12345), errno == EINVAL);
    printf("speeds %o %o, cfsetspeed B115200 %d, %o %o\n", cfgetospeed(&back), cfgetispeed(&back), cfsetspeed(&back, B115200), cfgetospeed(&back),
           cfgetispeed(&back));
    printf("TCSADRAIN %d TCSAFLUSH %d\n", tcsetattr(slave, TCSADRAIN, &back), tcsetattr(slave, TCSAFLUSH, &back));
    tcgetattr(slave, &back);
    show("after TCSAFLUSH", &back);
    errno = 0;
    printf("bad action %d EINVAL %d\n", tcsetattr(slave, 9, &back), errno == EINVAL);
    printf("tcdrain %d tcflush %d tcflow %d %d tcsendbreak %d\n", tcdrain(slave), tcflush(slave, TCIOFLUSH), tcflow(slave, TCOOFF),
           tcflow(slave, TCOON), tcsendbreak(slave, 0));
    errno = 0;
    printf("tcgetsid without a session: %d ENOTTY %d\n", tcgetsid(slave), errno == ENOTTY);
    errno = 0;
    printf("tcgetpgrp %d ENOTTY %d", tcgetpgrp(slave), errno == ENOTTY);
    errno = 0;
    printf(", tcsetpgrp %d ENOTTY %d\n", tcsetpgrp(slave, getpgrp()), errno == ENOTTY);
    write(slave, "raw\n", 4);
    char buffer[16] = {0};
    ssize_t n = read(master, buffer, sizeof buffer - 1);
    printf("master read %zd: %s", n, buffer);
    write(master, "x", 1);
    n = read(slave, buffer, 1);
    printf("slave read %zd '%c'\n", n, buffer[0]);
    int p[2];
    pipe(p);
    errno = 0;
    printf("pipe: tcgetattr %d ENOTTY %d, tcdrain %d, ptsname null %d, grantpt %d EINVAL %d\n", tcgetattr(p[0], &t), errno == ENOTTY,
           tcdrain(p[0]), ptsname(p[0]) == NULL, grantpt(p[0]), errno == EINVAL);
    return 0;
}
