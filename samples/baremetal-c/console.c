/* Serial console output on top of the architecture's arch_putc. */
#include "platform.h"

void console_write(const char *s)
{
    for (; *s; ++s) {
        if (*s == '\n')
            arch_putc('\r');
        arch_putc(*s);
    }
}

void console_write_u64(unsigned long long value)
{
    char digits[21];
    int n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0)
        arch_putc(digits[--n]);
}
