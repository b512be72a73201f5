// Constructors and destructors: priorities (101 before 102 before the default), destructors in
// reverse order after main returns, atexit handlers interleaved with destructors as C and glibc
// define (atexit handlers registered during main run before the constructors' destructors), and a
// constructor that sees initialised data.
// expect: ctor 101
// expect: ctor 102
// expect: ctor default (data=42)
// expect: main (order=3)
// expect: atexit second
// expect: atexit first
// expect: dtor default
// expect: dtor 102
// expect: dtor 101
#include <stdio.h>
#include <stdlib.h>

static int data = 42;
static int order;

__attribute__((constructor(102))) static void ctor102(void) { printf("ctor 102\n"); order++; }
__attribute__((constructor(101))) static void ctor101(void) { printf("ctor 101\n"); order++; }
__attribute__((constructor)) static void ctor_default(void) { printf("ctor default (data=%d)\n", data); order++; }

__attribute__((destructor(101))) static void dtor101(void) { printf("dtor 101\n"); fflush(stdout); }
__attribute__((destructor(102))) static void dtor102(void) { printf("dtor 102\n"); }
__attribute__((destructor)) static void dtor_default(void) { printf("dtor default\n"); }

static void first(void) { printf("atexit first\n"); }
static void second(void) { printf("atexit second\n"); }

int main(void)
{
    printf("main (order=%d)\n", order);
    atexit(first);
    atexit(second);
    return 0;
}
