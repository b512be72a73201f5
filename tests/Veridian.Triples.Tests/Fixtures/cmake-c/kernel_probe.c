/* A kernel-subsystem executable: its own entry point, no C library. */
#include <stdint.h>
#include <stddef.h>

uint64_t fixture_sum(const uint32_t *values, size_t count);

static const uint32_t values[] = { 1, 2, 3 };
volatile uint64_t result;

void _start(void)
{
    result = fixture_sum(values, 3);
    for (;;)
        ;
}
