/* string.h: each function on ordinary, edge (empty, unaligned, overlapping) and long inputs. Expected output: glibc's. */
#include <stdio.h>
#include <string.h>

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void) {
    char big[300], copy[300];
    for (int i = 0; i < 299; i++) big[i] = (char)('a' + i % 26);
    big[299] = 0;
    for (int off = 0; off < 9; off++)
        printf("strlen(big+%d)=%zu strnlen=%zu\n", off, strlen(big + off), strnlen(big + off, 100));
    memcpy(copy, big, sizeof big);
    printf("memcmp equal=%d\n", memcmp(copy, big, sizeof big));
    copy[250] = 'A';
    printf("memcmp diff sign=%d %d\n", sign(memcmp(copy, big, sizeof big)), sign(memcmp(big, copy, sizeof big)));
    memmove(copy + 1, copy, 40); copy[41] = 0;
    printf("memmove up: %s\n", copy);
    memcpy(copy, big, 60); memmove(copy, copy + 3, 40); copy[40] = 0;
    printf("memmove down: %s\n", copy);
    memset(copy, '#', 13); copy[13] = 0;
    printf("memset: %s\n", copy);
    printf("memchr: %td %d\n", (char *)memchr(big, 'z', 299) - big, memchr(big, '!', 299) == NULL);
    printf("strcmp: %d %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("abc", "abc")), sign(strcmp("abcd", "abc")), sign(strcmp("\xff", "a")));
    printf("strncmp: %d %d\n", sign(strncmp("abcX", "abcY", 3)), sign(strncmp("abcX", "abcY", 4)));
    const char *path = "/usr/local/lib/libc.a";
    printf("strchr: %s | strrchr: %s | nul: %d\n", strchr(path, 'l'), strrchr(path, '/'), strchr(path, 0) == path + strlen(path));
    printf("strchr missing: %d\n", strchr(path, 'Q') == NULL);
    char buf[64];
    strcpy(buf, "con"); strcat(buf, "cat"); strncat(buf, "enated!!", 6);
    printf("strcpy/strcat/strncat: %s\n", buf);
    memset(buf, 'x', sizeof buf);
    strncpy(buf, "pad", 8);
    printf("strncpy pads: %d %d %d %c\n", buf[3], buf[7], buf[8] == 'x', buf[0]);
    printf("strstr: %s | %s | %d\n", strstr("haystack with needle inside", "needle"), strstr("abc", ""), strstr("abc", "abd") == NULL);
    printf("strspn: %zu strcspn: %zu\n", strspn("  \t indent", " \t"), strcspn("key=value", "=:"));
    return 0;
}
