/* Process start and exit (docs/relibc.md, "Start-up"): constructors by priority, then the default ones, each able to
 * use stdio (C#'s static constructors — relibc-cs's streams — run before them); after main, the atexit handlers in
 * reverse order, then the destructors in the reverse order of the constructors, then the streams are flushed. */
#include <stdio.h>
#include <stdlib.h>

static int data = 42;
static int order;

__attribute__((constructor(102))) static void ctor102(void) { printf("ctor 102 (order=%d)\n", order++); }
__attribute__((constructor(101))) static void ctor101(void) { printf("ctor 101 (order=%d)\n", order++); }
__attribute__((constructor)) static void ctor_default(void) { printf("ctor default (data=%d, order=%d)\n", data, order++); }

__attribute__((destructor(101))) static void dtor101(void) { printf("dtor 101\n"); }
__attribute__((destructor(102))) static void dtor102(void) { printf("dtor 102\n"); }
__attribute__((destructor)) static void dtor_default(void) { fputs("dtor default, buffered: ", stdout); }

static void first(void) { printf("atexit first\n"); }
static void second(void) { printf("atexit second\n"); }

int main(void)
{
    printf("main (order=%d)\n", order);
    atexit(first);
    atexit(second);
    return 0;
}
