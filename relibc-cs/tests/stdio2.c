/* stdio.h's rest: perror, getline/getdelim, setbuf, fseeko/ftello, fgetpos/fsetpos, tmpfile, ctermid, the stream
   locks (flockfile and friends, *_unlocked), and four threads printing to one stream without tearing a line. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static FILE *shared;

static void *writer(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < 300; i++)
        fprintf(shared, "thread %ld line %03d %s\n", id, i, "the quick brown fox jumps over the lazy dog");
    return NULL;
}

int main(void) {
    fflush(stdout);
    dup2(1, 2); /* perror's stderr joins stdout, in order */
    errno = ENOENT;
    perror("perror");
    errno = EACCES;
    perror(NULL);
    errno = 0;
    perror("");

    FILE *f = tmpfile();
    printf("tmpfile: %s\n", f ? "ok" : "NULL");
    if (f == NULL)
        return 1; /* (no writable files: the rest needs them) */
    fputs("short\n", f);
    for (int i = 0; i < 1000; i++) fputc('a' + i % 26, f);
    fputs("\nlast line without newline", f);
    rewind(f);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) != -1)
        printf("getline %zd: [%.20s] cap ok %d\n", n, line, cap > (size_t)n);
    printf("getline at EOF: feof %d\n", feof(f) != 0);
    rewind(f);
    n = getdelim(&line, &cap, 'a', f);
    printf("getdelim 'a': %zd [%s]\n", n, line);
    free(line);
    line = NULL;
    n = getline(&line, NULL, f);
    printf("getline(NULL size): %zd %s\n", n, errno == EINVAL ? "EINVAL" : "?");

    int sk = fseeko(f, 3, SEEK_SET);
    printf("fseeko 3: %d, ftello %lld\n", sk, (long long)ftello(f));
    fpos_t pos;
    fgetpos(f, &pos);
    int c1 = fgetc(f);
    fseeko(f, 0, SEEK_END);
    long long end = (long long)ftello(f);
    fsetpos(f, &pos);
    int c2 = fgetc(f);
    printf("fgetpos/fsetpos: '%c' '%c', size %lld\n", c1, c2, end);
    fclose(f);

    char term[32];
    char *mine = ctermid(term);
    printf("ctermid: %s %s\n", mine, ctermid(NULL));

    flockfile(stdout);
    int nested = ftrylockfile(stdout);
    putc_unlocked('o', stdout);
    putchar_unlocked('k');
    putchar_unlocked('\n');
    funlockfile(stdout);
    funlockfile(stdout);
    printf("ftrylockfile while held by me: %d\n", nested);

    setbuf(stdout, NULL);
    printf("setbuf(NULL): unbuffered now\n");

    shared = tmpfile();
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, writer, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    rewind(shared);
    char buf[256];
    int intact = 0, torn = 0, per[4] = {0};
    while (fgets(buf, sizeof buf, shared)) {
        long id;
        int no;
        char tail[64];
        if (sscanf(buf, "thread %ld line %d %63[^\n]", &id, &no, tail) == 3 && id >= 0 && id < 4 &&
            strcmp(tail, "the quick brown fox jumps over the lazy dog") == 0 && buf[strlen(buf) - 1] == '\n') {
            intact++;
            per[id]++;
        } else
            torn++;
    }
    printf("4 threads x 300 lines: %d intact, %d torn, per thread %d %d %d %d\n", intact, torn, per[0], per[1], per[2], per[3]);
    fclose(shared);
    return 0;
}
