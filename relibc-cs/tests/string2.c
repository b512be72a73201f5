/* string.h, second part: strdup/strndup, stp*, memccpy, strpbrk, strtok/strtok_r, strcoll/strxfrm, strerror/strerror_r. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *d = strdup("duplicate"), *n = strndup("truncated", 5), *n2 = strndup("ab", 10);
    printf("strdup %s strndup %s %s\n", d, n, n2);
    free(d); free(n); free(n2);
    char buf[32], *e = stpcpy(buf, "stp");
    e = stpcpy(e, "cpy");
    printf("stpcpy %s end-offset %td\n", buf, e - buf);
    memset(buf, 'x', sizeof buf);
    e = stpncpy(buf, "abc", 6);
    printf("stpncpy offset %td pad %d %d %c\n", e - buf, buf[4], buf[5], buf[6]);
    char dst[16] = {0};
    char *after = memccpy(dst, "key=value", '=', 9);
    printf("memccpy %s offset %td, not found %d\n", dst, after - dst, memccpy(dst, "abc", 'z', 3) == NULL);
    printf("strpbrk %s %d\n", strpbrk("hello, world", " ,"), strpbrk("abc", "xyz") == NULL);
    char line[] = "  alpha,beta;;gamma , delta ";
    for (char *t = strtok(line, " ,;"); t; t = strtok(NULL, " ,;")) printf("[%s]", t);
    printf("\n");
    char outer[] = "a=1&b=2&c=3", *s1, *s2;
    for (char *kv = strtok_r(outer, "&", &s1); kv; kv = strtok_r(NULL, "&", &s1)) {
        char *k = strtok_r(kv, "=", &s2), *v = strtok_r(NULL, "=", &s2);
        printf("(%s->%s)", k, v);
    }
    printf("\n");
    printf("strcoll %d strxfrm %zu\n", strcoll("abc", "abd") < 0, strxfrm(buf, "transform", sizeof buf));
    static const int codes[] = {0, EPERM, ENOENT, EINTR, EBADF, EAGAIN, ENOMEM, EACCES, EEXIST, EINVAL, ENOSPC, EPIPE, EDOM, ERANGE, ENOSYS, EOVERFLOW, EILSEQ, 9999, -3};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) printf("%d: %s\n", codes[i], strerror(codes[i]));
    char small[8];
    int r = strerror_r(ENOENT, small, sizeof small);
    printf("strerror_r small: %d '%s'\n", r == ERANGE, small);
    char big[64];
    printf("strerror_r: %d '%s'\n", strerror_r(EINVAL, big, sizeof big), big);
    return 0;
}
