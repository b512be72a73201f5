/* glob over a small tree made here: wildcards per component, hidden files, GLOB_MARK, GLOB_NOCHECK, GLOB_APPEND,
   GLOB_DOOFFS, GLOB_NOSORT, literal paths, a missing directory through errfunc and GLOB_ERR, GLOB_NOMATCH. */
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int errors;
static int on_error(const char *path, int error) {
    printf("  errfunc(%s, %d)\n", path, error);
    errors++;
    return 0;
}

static void show(const char *pattern, int flags) {
    glob_t g;
    memset(&g, 0, sizeof g);
    int r = glob(pattern, flags, on_error, &g);
    printf("%s (flags %d): %d, %zu:", pattern, flags, r, r == 0 ? g.gl_pathc : 0);
    for (size_t i = 0; r == 0 && i < g.gl_pathc; i++)
        printf(" %s", g.gl_pathv[i]);
    printf("%s\n", r == 0 && g.gl_pathv[g.gl_pathc] == NULL ? " (null-terminated)" : "");
    if (r == 0)
        globfree(&g);
}

static void touch(const char *path) { close(open(path, O_WRONLY | O_CREAT, 0644)); }

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
    mkdir("g", 0755);
    mkdir("g/sub", 0755);
    mkdir("g/sub2", 0755);
    mkdir("g/other", 0755);
    touch("g/a.c");
    touch("g/b.c");
    touch("g/ab.h");
    touch("g/.hidden.c");
    touch("g/sub/x.c");
    touch("g/other/x.c");
    touch("g/[lit]");
    show("g/*.c", 0);
    show("g/*", 0);
    show("g/.*", 0);
    show("g/*/x.c", 0);
    show("g/s*", GLOB_MARK);
    show("g/*", GLOB_MARK);
    show("g/[ab].?", 0);
    show("g/[!a]*", 0);
    show("g/?.c", 0);
    show("g/sub/x.c", 0);
    show("g/sub/none.c", 0);
    show("g//sub///x.c", 0);
    show("g/\\[lit]", 0);
    show("none*", 0);
    show("none*", GLOB_NOCHECK);
    show("missing/*.c", 0);
    show("missing/*.c", GLOB_ERR);
    printf("errfunc calls %d\n", errors);

    glob_t g;
    memset(&g, 0, sizeof g);
    g.gl_offs = 2;
    int r = glob("g/*.c", GLOB_DOOFFS, NULL, &g);
    r |= glob("g/*.h", GLOB_DOOFFS | GLOB_APPEND, NULL, &g);
    printf("DOOFFS+APPEND %d: %zu, slots %d %d:", r, g.gl_pathc, g.gl_pathv[0] == NULL, g.gl_pathv[1] == NULL);
    for (size_t i = 0; i < g.gl_pathc; i++)
        printf(" %s", g.gl_pathv[2 + i]);
    printf(" end %d\n", g.gl_pathv[2 + g.gl_pathc] == NULL);
    globfree(&g);
    memset(&g, 0, sizeof g);
    r = glob("g/*/*", GLOB_NOSORT, NULL, &g);
    qsort(g.gl_pathv, g.gl_pathc, sizeof(char *), by_name);
    printf("NOSORT %d: %zu:", r, g.gl_pathc);
    for (size_t i = 0; i < g.gl_pathc; i++)
        printf(" %s", g.gl_pathv[i]);
    printf("\n");
    globfree(&g);
    return 0;
}
