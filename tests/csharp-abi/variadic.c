/* Calls the C# variadic exports of Variadic.cs with more arguments than fit in registers, and the va_list one
   through a C variadic function that reads its first argument before passing the rest on. */
#include <stdarg.h>
long long cs_sum(int count, ...);
long long cs_mixed(const char *tags, ...);
long long cs_vmixed(const char *tags, va_list ap);

static long long vwrap(const char *tags, ...)
{
    va_list ap;
    va_start(ap, tags);
    long long first = va_arg(ap, int);
    long long rest = cs_vmixed(tags, ap);
    va_end(ap);
    return first + rest;
}

long long call_variadics(void)
{
    int forty = 40;
    long long a = cs_sum(10, 1, 2LL, 3, 4LL, 5, 6LL, 7, 8LL, 9, 10LL);      /* 55 */
    long long b = cs_mixed("idpidddidd", 1, 2.5, &forty, 3, 1.5, 0.5, 0.25, 4, 9.0, 10.0); /* 1+25+40+3+15+5+2+4+90+100 = 285 */
    long long c = vwrap("dpidldddddd", 7, 2.5, &forty, 3, 9.0, 11LL, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5); /* 7+25+40+3+90+11+6*5 = 206 */
    return (a * 1000 + b) * 1000 + c;
}
