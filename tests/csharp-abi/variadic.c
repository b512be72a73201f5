/* Calls the C# variadic exports of Variadic.cs with more arguments than fit in registers. */
long long cs_sum(int count, ...);
long long cs_mixed(const char *tags, ...);

long long call_variadics(void)
{
    int forty = 40;
    long long a = cs_sum(10, 1, 2LL, 3, 4LL, 5, 6LL, 7, 8LL, 9, 10LL);      /* 55 */
    long long b = cs_mixed("idpidddidd", 1, 2.5, &forty, 3, 1.5, 0.5, 0.25, 4, 9.0, 10.0); /* 1+25+40+3+15+5+2+4+90+100 = 285 */
    return a * 1000 + b;
}
