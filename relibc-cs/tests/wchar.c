/* wchar.h and wctype.h in the C locale (ASCII) and in C.UTF-8: UTF-8 conversions with their states and errors
   (overlong forms, surrogates, past U+10FFFF, split input), the wide-string functions, classification and case over
   every code point (hashed), wcwidth, the _l functions, %ls and %lc, MB_CUR_MAX. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

static void decode(const char *label, const char *s, size_t n) {
    mbstate_t st;
    memset(&st, 0, sizeof st);
    printf("  %-22s", label);
    size_t at = 0;
    while (at < n) {
        wchar_t w = 0;
        errno = 0;
        size_t r = mbrtowc(&w, s + at, 1, &st); /* one byte at a time: every state is exercised */
        if (r == (size_t)-1) {
            printf(" EILSEQ(%d)", errno == EILSEQ);
            memset(&st, 0, sizeof st);
            at++;
        } else if (r == (size_t)-2) {
            printf(" .");
            at++;
        } else {
            printf(" U+%04X/%zu", (unsigned)w, r);
            at += r == 0 ? 1 : r;
        }
    }
    printf(" init %d\n", mbsinit(&st));
}

static void classes(const char *label) {
    unsigned long h[14] = {0};
    int (*f[12])(wint_t) = {iswalnum, iswalpha, iswblank, iswcntrl, iswdigit, iswgraph, iswlower, iswprint, iswpunct, iswspace, iswupper, iswxdigit};
    for (unsigned c = 0; c < 0x110000; c++) {
        for (int k = 0; k < 12; k++)
            if (f[k](c))
                h[k] = h[k] * 1000003 + c;
        h[12] = h[12] * 31 + towupper(c) - c;
        h[13] = h[13] * 31 + towlower(c) - c + (unsigned)wcwidth(c) * 7;
    }
    printf("%s:", label);
    for (int k = 0; k < 14; k++)
        printf(" %lx", h[k] & 0xffffff);
    printf("\n");
}

int main(void) {
    printf("C: MB_CUR_MAX %zu, MB_LEN_MAX >= 4: %d\n", MB_CUR_MAX, MB_LEN_MAX >= 4);
    decode("C, ascii", "hi", 3);
    decode("C, e-acute", "\xc3\xa9", 2);
    char mb[8];
    errno = 0;
    printf("  wcrtomb(U+E9) %zd EILSEQ %d, wctomb('A') %d, btowc(0xe9) %u, wctob(0x41) %d\n", (ssize_t)wcrtomb(mb, 0xe9, NULL), errno == EILSEQ,
           wctomb(mb, 'A'), btowc(0xe9), wctob(0x41));
    printf("  iswalpha(U+E9) %d towupper(U+E9) %x wcwidth(U+4E00) %d wcwidth('a') %d\n", iswalpha(0xe9) != 0, towupper(0xe9), wcwidth(0x4e00),
           wcwidth('a'));
    classes("C classes");

    printf("%s\n", setlocale(LC_ALL, "C.UTF-8"));
    printf("UTF-8: MB_CUR_MAX %zu\n", MB_CUR_MAX);
    decode("two bytes", "\xc3\xa9", 2);
    decode("three, four", "\xe2\x82\xac\xf0\x9f\x98\x80", 7);
    decode("overlong", "\xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf", 9);
    decode("surrogate", "\xed\xa0\x80\xed\x9f\xbf", 6);
    decode("past U+10FFFF", "\xf4\x90\x80\x80\xf4\x8f\xbf\xbf", 8);
    decode("stray continuation", "\x80\xbf" "a", 3);
    decode("five, six bytes", "\xf8\x88\x80\x80\x80\xfc\x84\x80\x80\x80\x80", 11);
    decode("truncated", "\xe2\x82" "a", 3);
    decode("null", "\0", 1);
    const wchar_t probe[] = {0x41, 0xe9, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff, 0xd800, 0x110000, 0};
    for (int i = 0; probe[i]; i++) {
        memset(mb, 0, sizeof mb);
        errno = 0;
        size_t r = wcrtomb(mb, probe[i], NULL);
        printf("  wcrtomb(U+%04X) = %zd:", (unsigned)probe[i], (ssize_t)r);
        for (size_t k = 0; r != (size_t)-1 && k < r; k++)
            printf(" %02x", (unsigned char)mb[k]);
        printf("%s\n", errno == EILSEQ ? " EILSEQ" : "");
    }
    printf("  wcrtomb(NULL) %zu, mbrtowc(NULL) %zu, mblen(NULL) %d, mbtowc(NULL) %d, wctomb(NULL) %d\n", wcrtomb(NULL, 0x20ac, NULL),
           mbrtowc(NULL, NULL, 0, NULL), mblen(NULL, 0), mbtowc(NULL, NULL, 0), wctomb(NULL, 0));
    printf("  mblen %d %d %d, mbrlen %zd\n", mblen("\xe2\x82\xac", 3), mblen("\xe2\x82", 2), mblen("", 1), (ssize_t)mbrlen("\xf0\x9f\x98\x80", 4, NULL));
    {
        mbstate_t st;
        memset(&st, 0, sizeof st);
        wchar_t w;
        size_t a = mbrtowc(&w, "\xe2", 1, &st);
        size_t b = mbrtowc(&w, "\x82\xac", 2, &st);
        printf("  split euro: %zd %zd U+%04X\n", (ssize_t)a, (ssize_t)b, (unsigned)w);
        a = mbrtowc(&w, "\xe2", 1, &st);
        errno = 0;
        b = mbrtowc(NULL, NULL, 0, &st);
        printf("  reset mid-character: %zd %zd EILSEQ %d init %d\n", (ssize_t)a, (ssize_t)b, errno == EILSEQ, mbsinit(&st));
    }

    const char *text = "na\xc3\xafve \xe2\x82\xac 5 \xf0\x9f\x98\x80!";
    wchar_t wide[64];
    size_t n = mbstowcs(wide, text, 64);
    printf("mbstowcs %zu, count only %zu:", n, mbstowcs(NULL, text, 0));
    for (size_t i = 0; i < n; i++)
        printf(" %x", (unsigned)wide[i]);
    printf("\n");
    char back[64];
    printf("wcstombs %zu \"%s\", count %zu, short buffer %zu\n", wcstombs(back, wide, sizeof back), back, wcstombs(NULL, wide, 0),
           wcstombs(back, wide, 5));
    {
        const char *src = text;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        size_t r = mbsrtowcs(wide, &src, 3, &st);
        printf("mbsrtowcs 3: %zu, src at %td\n", r, src - text);
        r = mbsnrtowcs(wide, &src, 4, 64, &st);
        printf("mbsnrtowcs 4 bytes: %zu, src at %td, init %d\n", r, src - text, mbsinit(&st));
        r = mbsrtowcs(wide, &src, 64, &st);
        printf("mbsrtowcs rest: %zu, src null %d\n", r, src == NULL);
        const char *bad = "ab\xff" "cd";
        src = bad;
        errno = 0;
        r = mbsrtowcs(wide, &src, 64, &st);
        printf("mbsrtowcs invalid: %zd EILSEQ %d at %td\n", (ssize_t)r, errno == EILSEQ, src - bad);
        const wchar_t *ws = L"x\u00e9\u20ac\U0001F600";
        const wchar_t *wp = ws;
        char out[16];
        r = wcsrtombs(out, &wp, 6, &st);
        printf("wcsrtombs 6 bytes: %zu at %td\n", r, wp - ws);
        r = wcsnrtombs(out, &wp, 1, 16, &st);
        printf("wcsnrtombs 1 char: %zu at %td\n", r, wp - ws);
        r = wcsrtombs(out, &wp, 16, &st);
        printf("wcsrtombs rest: %zu null %d\n", r, wp == NULL);
    }

    wchar_t a[32], b[32];
    wcscpy(a, L"Hello, W\u00f6rld");
    printf("wcslen %zu wcsnlen %zu %zu\n", wcslen(a), wcsnlen(a, 5), wcsnlen(a, 50));
    wcscat(a, L"!");
    wcsncat(a, L"??xx", 2);
    printf("%ls|%5.3ls|%-8ls|%lc%lc|%.4ls|\n", a, L"abcdef", L"\u00e9t\u00e9", (wint_t)0x20ac, (wint_t)'x', L"\u00e9\u00e9\u00e9");
    wcsncpy(b, L"abc", 6);
    printf("wcsncpy padded %d %d, wcpcpy end %td, wcpncpy end %td\n", b[3] == 0 && b[5] == 0, b[2] == 'c', wcpcpy(b, L"xyz") - b,
           wcpncpy(b, L"hi", 5) - b);
    printf("cmp %d %d %d ncmp %d, casecmp %d %d ncase %d, coll %d\n", wcscmp(L"abc", L"abd") < 0, wcscmp(L"b", L"a") > 0, wcscmp(L"x", L"x"),
           wcsncmp(L"abcX", L"abcY", 3), wcscasecmp(L"\u00c9T\u00c9", L"\u00e9t\u00e9"), wcscasecmp(L"a", L"B") < 0,
           wcsncasecmp(L"HELLOx", L"helloy", 5), wcscoll(L"a", L"b") < 0);
    const wchar_t *hay = L"one two three two";
    printf("wcschr %td wcsrchr %td wcsstr %td wcswcs %td null %d, spn %zu cspn %zu pbrk %td\n", wcschr(hay, 't') - hay, wcsrchr(hay, 't') - hay,
           wcsstr(hay, L"two") - hay, wcswcs(hay, L"three") - hay, wcsstr(hay, L"four") == NULL, wcsspn(hay, L"neo"),
           wcscspn(hay, L" "), wcspbrk(hay, L"wh") - hay);
    wchar_t tok[] = L"  alpha, beta;;gamma  ";
    wchar_t *save, *t = wcstok(tok, L" ,;", &save);
    while (t) {
        printf("[%ls]", t);
        t = wcstok(NULL, L" ,;", &save);
    }
    wchar_t *dup = wcsdup(L"copy \u00e9");
    printf(" wcsdup %ls\n", dup);
    free(dup);
    wmemset(b, L'z', 4);
    b[4] = 0;
    wmemcpy(a, b, 5);
    wmemmove(a + 1, a, 3);
    printf("wmem: %ls chr %td cmp %d %d\n", a, wmemchr(a, 'z', 4) - a, wmemcmp(L"ab", L"ac", 2) < 0, wmemcmp(L"ab", L"ab", 2));
    wchar_t x[16];
    printf("wcsxfrm %zu %ls\n", wcsxfrm(x, L"sort", 16), x);
    wchar_t *end;
    printf("wcstol %ld %ld wcstoul %lu wcstoll %lld wcstod %.17g %a wcstof %g\n", wcstol(L"\u2003 -1234xyz", &end, 10), wcstol(L"0x7f", NULL, 0),
           wcstoul(L"777", NULL, 8), wcstoll(L"  99999999999", NULL, 10), wcstod(L"  3.14159e2 rest", &end), wcstod(L"0x1.8p1", NULL),
           wcstof(L"1e-3", NULL));
    printf("  end at \"%ls\"\n", end);
    errno = 0;
    printf("wcstol overflow %ld ERANGE %d, none %ld\n", wcstol(L"99999999999999999999", NULL, 10), errno == ERANGE, wcstol(L"zz", &end, 10));

    printf("classes of U+E9: alpha %d upper %d lower %d, towupper %x towlower(U+C9) %x, U+0660 digit %d alnum %d\n", iswalpha(0xe9) != 0,
           iswupper(0xe9) != 0, iswlower(0xe9) != 0, towupper(0xe9), towlower(0xc9), iswdigit(0x660) != 0, iswalnum(0x660) != 0);
    printf("U+3000 space %d blank %d, U+00A0 space %d print %d, U+200B width %d, U+1F600 width %d, U+0301 width %d\n", iswspace(0x3000) != 0,
           iswblank(0x3000) != 0, iswspace(0xa0) != 0, iswprint(0xa0) != 0, wcwidth(0x200b), wcwidth(0x1f600), wcwidth(0x301));
    printf("wcswidth %d %d\n", wcswidth(L"a\u4e00\u0301b", 10), wcswidth(L"a\x01", 2));
    wctype_t alpha = wctype("alpha"), none = wctype("nonsense");
    printf("wctype: alpha %d none %d, iswctype %d %d\n", alpha != 0, none == 0, iswctype(0x3b1, alpha) != 0, iswctype('1', alpha) != 0);
    errno = 0;
    wctrans_t up = wctrans("toupper"), down = wctrans("tolower"), bad = wctrans("sideways");
    printf("wctrans: %x %x, bad %d EINVAL %d\n", towctrans(0x3b1, up), towctrans(0x391, down), bad == 0, errno == EINVAL);
    classes("UTF-8 classes");

    locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0), u = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    printf("_l: alpha %d %d upper %x %x lower %x, space %d, ctype %d, trans %x, casecmp %d\n", iswalpha_l(0xe9, c) != 0, iswalpha_l(0xe9, u) != 0,
           towupper_l(0xe9, c), towupper_l(0xe9, u), towlower_l(0xc9, u), iswspace_l(0x3000, u) != 0,
           iswctype_l(0xe9, wctype_l("lower", u), u) != 0, towctrans_l(0xe9, wctrans_l("toupper", u), u), wcscasecmp_l(L"\u00c9", L"\u00e9", u));
    freelocale(c);
    freelocale(u);
    printf("%s %s\n", setlocale(LC_ALL, "C"), setlocale(LC_CTYPE, "C.utf8"));
    printf("MB_CUR_MAX %zu, back to C: %s %zu\n", MB_CUR_MAX, setlocale(LC_CTYPE, "POSIX"), MB_CUR_MAX);
    return 0;
}
