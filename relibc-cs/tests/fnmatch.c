/* fnmatch over a table of patterns, names and flags: wildcards, bracket expressions (negation, ranges, classes, ']'
   first, unterminated), escapes, FNM_PATHNAME, FNM_PERIOD, FNM_NOESCAPE, FNM_LEADING_DIR, FNM_CASEFOLD. */
#define _GNU_SOURCE
#include <fnmatch.h>
#include <stdio.h>

int main(void) {
    const char *patterns[] = {"*", "a*", "*.c", "?", "??", "a?c", "[abc]", "[!abc]", "[^abc]", "[a-c]x", "[]]", "[]a]", "[!]]", "[a-]",
                              "[[:alpha:]]*", "[[:digit:][:upper:]]", "[[:space:]]", "[[:punct:]]", "[[:xdigit:]]", "[[:bogus:]]", "[",
                              "[ab", "a[", "\\*", "\\?x", "a\\", "\\[a]", "[\\]]", "*/*", "a/*", "a*b", "*a*b*c*", "a/b", "a?b",
                              "a[/]b", "*.txt", ".*", "*", "a/.*", "a/*", "A*", "[A-Z]", "[a-z]", "*x", "a/b/c", "a", "*b", "**", "[*]",
                              "[?]", "x[!a-y]z"};
    const char *names[] = {"", "a", "abc", "x.c", ".c", "b", "]", "-", "ax", "bx", "dx", "A", "5", " ", "!", "f", "*", "?x", "a\\",
                           "[a]", "a[", "[ab", "a/b", "a/.b", ".hidden", "axxb", "aXbYc", "abc/def", "a/b/c", "x.txt", "A.TXT", "ab",
                           "aBc", "zzzx", "xzz", "xbz", "x", "a/", "[", "a.b"};
    const int flags[] = {0, FNM_PATHNAME, FNM_PERIOD, FNM_PATHNAME | FNM_PERIOD, FNM_NOESCAPE, FNM_LEADING_DIR, FNM_CASEFOLD,
                         FNM_PATHNAME | FNM_LEADING_DIR};
    for (size_t f = 0; f < sizeof flags / sizeof *flags; f++) {
        printf("flags %d:\n", flags[f]);
        for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++) {
            printf("  %-22s", patterns[p]);
            for (size_t n = 0; n < sizeof names / sizeof *names; n++)
                putchar(fnmatch(patterns[p], names[n], flags[f]) == 0 ? '1' : fnmatch(patterns[p], names[n], flags[f]) == FNM_NOMATCH ? '.' : '?');
            putchar('\n');
        }
    }
    return 0;
}
