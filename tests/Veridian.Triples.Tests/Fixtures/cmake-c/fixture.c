/* Shared by the CMake and Meson fixtures. Fails to compile unless the build file passed the SDK's predefined macros. */
#ifndef __veridian__
#error "__veridian__ is not defined: the toolchain file did not pass the target's flags"
#endif
#include <stdint.h>
#include <stddef.h>

uint64_t fixture_sum(const uint32_t *values, size_t count)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < count; i++)
        sum += values[i];
    return sum;
}
