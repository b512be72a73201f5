/* exit: atexit handlers run in reverse order, buffered output is flushed, the status reaches the parent. */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { puts("registered first, runs last"); }
static void second(void) { printf("registered second, runs first (buffered, no newline)"); }

int main(int argc, char **argv) {
    printf("argc=%d argv[argc]=%s\n", argc, argv[argc] == NULL ? "NULL" : "set");
    if (atexit(first) != 0 || atexit(second) != 0)
        return 99;
    printf("main returns 42\n");
    return 42;
}
