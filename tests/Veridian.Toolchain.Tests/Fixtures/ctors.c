/* Constructors and destructors must land in .init_array/.fini_array (glibc never runs .ctors). */
#include <stdio.h>
__attribute__((constructor)) static void a(void) { puts("ctor default"); }
__attribute__((constructor(200))) static void b(void) { puts("ctor 200"); }
__attribute__((destructor)) static void c(void) { puts("dtor"); }
int main(void) { puts("main"); return 0; }
