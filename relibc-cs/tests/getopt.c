/* getopt and getopt_long as glibc behaves: permutation, "--", '+' and '-' orderings, ':' mode, clustered and attached
   arguments, optional arguments, long names, prefixes, ambiguity, flags, and every error message. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void run(const char *title, const char *spec, int argc, char **argv, int use_long) {
    static int flag;
    static const struct option longs[] = {
        {"verbose", no_argument, NULL, 'v'},
        {"output", required_argument, NULL, 'o'},
        {"color", optional_argument, NULL, 'c'},
        {"colour", optional_argument, NULL, 'c'},
        {"count", required_argument, NULL, 'n'},
        {"flag", no_argument, &flag, 42},
        {"debug", no_argument, NULL, 1000},
        {"debug-level", required_argument, NULL, 1001},
        {NULL, 0, NULL, 0},
    };
    printf("== %s:", title);
    for (int i = 0; i < argc; i++) printf(" %s", argv[i]);
    printf("\n");
    fflush(stdout);
    optind = 0;
    opterr = 1;
    flag = 0;
    int c, index;
    for (;;) {
        index = -1;
        c = use_long ? getopt_long(argc, argv, spec, longs, &index) : getopt(argc, argv, spec);
        if (c == -1)
            break;
        fflush(stderr);
        if (c == 0)
            printf("  flag set: %d (index %d)\n", flag, index);
        else if (c == 1)
            printf("  operand in order: %s\n", optarg);
        else if (c == '?' || c == ':')
            printf("  '%c' (optopt %d)\n", c, optopt);
        else
            printf("  %d%s%s%s (index %d)\n", c, optarg ? " arg [" : "", optarg ? optarg : "", optarg ? "]" : "", use_long ? index : -1);
        fflush(stdout);
    }
    printf("  optind %d, argv now:", optind);
    for (int i = 0; i < argc; i++) printf(" %s", argv[i]);
    printf("\n");
}

#define RUN(title, spec, use_long, ...) do { char *v[] = {__VA_ARGS__}; run(title, spec, (int)(sizeof v / sizeof v[0]), v, use_long); } while (0)

int main(void) {
    fflush(stdout);
    dup2(1, 2);
    RUN("simple", "ab:c", 0, "prog", "-a", "-b", "x", "-c");
    RUN("clustered and attached", "ab:c", 0, "prog", "-acbvalue", "-bnext");
    RUN("permutation", "ab:", 0, "prog", "one", "-a", "two", "-b", "arg", "three", "-a");
    RUN("double dash", "ab", 0, "prog", "-a", "--", "-b", "x");
    RUN("operands then dash dash", "a", 0, "prog", "x", "y", "-a", "--", "z");
    RUN("plus: stop at operand", "+ab", 0, "prog", "-a", "x", "-b");
    RUN("minus: operands in order", "-ab", 0, "prog", "x", "-a", "y", "-b");
    RUN("invalid and missing", "ab:", 0, "prog", "-x", "-a", "-b");
    RUN("colon mode", ":ab:", 0, "prog", "-x", "-b");
    RUN("optional argument", "a::b", 0, "prog", "-avalue", "-a", "rest", "-b");
    RUN("lone dash is an operand", "a", 0, "prog", "-", "-a");
    RUN("long", "vo:c::n:", 1, "prog", "--verbose", "--output", "file", "--output=other", "--color", "--color=red", "op");
    RUN("long prefix and flag", "v", 1, "prog", "--verb", "--fl", "--coun=5", "--debug", "--debug-l", "3");
    RUN("long errors", "v", 1, "prog", "--col", "--nope", "--verbose=1", "--output", "--co");
    RUN("long ambiguous", "v", 1, "prog", "--c");
    RUN("long with short", "vo:", 1, "prog", "-vo", "x", "--", "--verbose");
    return 0;
}
