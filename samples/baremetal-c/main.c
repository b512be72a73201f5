/* baremetal-c: the program. Prints a greeting with the architecture's name and a computed value,
 * checks that .bss was zeroed and that the constructor ran, then returns 0 (the machine powers off). */
#include "platform.h"

/* In .bss: must read as zero on entry. */
static unsigned long long fib_memo[94];
/* Set by the constructor below, run from .init_array by start.c. The volatile read keeps the optimiser
 * from evaluating the constructor at compile time (and dropping it from .init_array). */
static unsigned long long constructed_marker;
static volatile unsigned long long marker_seed = 0x5EED;

__attribute__((constructor)) static void mark_constructed(void)
{
    constructed_marker = marker_seed;
}

static unsigned long long fib(unsigned n)
{
    if (n < 2)
        return n;
    if (fib_memo[n] == 0)
        fib_memo[n] = fib(n - 1) + fib(n - 2);
    return fib_memo[n];
}

int kmain(void)
{
    for (unsigned i = 0; i < sizeof fib_memo / sizeof fib_memo[0]; ++i) {
        if (fib_memo[i] != 0) {
            console_write("error: .bss was not zeroed\n");
            return 2;
        }
    }
    if (constructed_marker != 0x5EED) {
        console_write("error: the constructor did not run\n");
        return 3;
    }
    console_write("Hello from baremetal-c on ");
    console_write(arch_name);
    console_write("! fib(90) = ");
    console_write_u64(fib(90));
    console_write("\n");
    return 0;
}
