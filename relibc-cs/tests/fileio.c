/* stdio on files: fopen modes, fwrite/fprintf then fread/fgets/fgetc, ungetc, fseek/ftell/rewind, feof/ferror,
   append, "r+" switching between reading and writing with fseek, fopen errors (errno), remove. Works in the current folder. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    const char *name = "relibc-fileio.txt";
    FILE *f = fopen(name, "w");
    printf("fopen w: %d\n", f != NULL);
    for (int i = 0; i < 500; i++) fprintf(f, "line %03d: %s\n", i, i % 2 ? "odd" : "even");
    fputs("last line without newline", f);
    printf("fclose: %d\n", fclose(f));

    f = fopen(name, "r");
    char buf[128];
    int lines = 0;
    while (fgets(buf, sizeof buf, f)) lines++;
    printf("fgets lines: %d last: '%s' feof %d ferror %d\n", lines, buf, feof(f), ferror(f));
    rewind(f);
    printf("after rewind feof %d ftell %ld first char '%c'\n", feof(f), ftell(f), fgetc(f));
    printf("ungetc %c then getc %c ftell %ld\n", ungetc('X', f), getc(f), ftell(f));
    fseek(f, 10 * 19, SEEK_SET);
    size_t n = fread(buf, 1, 18, f);
    buf[n] = 0;
    printf("fread at 190: %zu '%s' ftell %ld\n", n, buf, ftell(f));
    fseek(f, -10, SEEK_END);
    n = fread(buf, 1, sizeof buf, f);
    buf[n] = 0;
    printf("fread tail: %zu '%s' feof %d\n", n, buf, feof(f));
    fseek(f, 0, SEEK_END);
    printf("size by ftell: %ld\n", ftell(f));
    fclose(f);

    f = fopen(name, "a");
    fputs("\nappended", f);
    fclose(f);
    f = fopen(name, "r+");
    fseek(f, 0, SEEK_SET);
    fputs("LINE", f);
    fseek(f, 0, SEEK_CUR);
    fgets(buf, sizeof buf, f);
    printf("r+ after overwrite: '%s'", buf);
    fseek(f, -8, SEEK_END);
    fgets(buf, sizeof buf, f);
    printf("tail after append: '%s'\n", buf);
    fclose(f);

    errno = 0;
    printf("fopen missing: %d errno ENOENT:%d\n", fopen("no/such/dir/file", "r") == NULL, errno == ENOENT);
    errno = 0;
    printf("fopen bad mode: %d errno EINVAL:%d\n", fopen(name, "z") == NULL, errno == EINVAL);
    errno = 0;
    printf("fopen x on existing: %d errno EEXIST:%d\n", fopen(name, "wx") == NULL, errno == EEXIST);
    FILE *ro = fopen(name, "r");
    printf("fputc on read-only: %d ferror %d\n", fputc('x', ro), ferror(ro) != 0);
    clearerr(ro);
    printf("clearerr: %d fileno>2: %d\n", ferror(ro), fileno(ro) > 2);
    fclose(ro);
    printf("remove: %d again: %d errno ENOENT:%d\n", remove(name), remove(name), errno == ENOENT);
    return 0;
}
