/* getopt.h — getopt_long and getopt_long_only (GNU, as glibc and musl have them) and POSIX's getopt. */
#ifndef _GETOPT_H
#define _GETOPT_H
#include <_relibc.h>
#define no_argument 0
#define required_argument 1
#define optional_argument 2
__RELIBC_BEGIN
extern char *optarg;
extern int optind, opterr, optopt;
struct option {
    const char *name;
    int has_arg;
    int *flag;
    int val;
};
int getopt(int, char *const[], const char *);
int getopt_long(int, char *const[], const char *, const struct option *, int *);
int getopt_long_only(int, char *const[], const char *, const struct option *, int *);
__RELIBC_END
#endif
