/* search.h: hcreate/hsearch (enter, find, a full table, a present key), tsearch/tfind/tdelete/twalk on 2,000 keys
   (the in-order sequence of postorder and leaf visits, which does not depend on the tree's shape), lsearch/lfind,
   insque/remque. */
#define _GNU_SOURCE
#include <errno.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static long walked, order_ok, last = -1;
static void visit(const void *node, VISIT v, int depth) {
    (void)depth;
    if (v == postorder || v == leaf) {
        int k = **(int *const *)node;
        order_ok += k > last;
        last = k;
        walked++;
    }
}

int main(void) {
    printf("hcreate %d\n", hcreate(5));
    char keys[8][8];
    for (int i = 0; i < 8; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        ENTRY e = {keys[i], (void *)(long)(i * 10)};
        errno = 0;
        ENTRY *r = hsearch(e, ENTER);
        printf(" enter %s: %s", keys[i], r ? "ok" : errno == ENOMEM ? "ENOMEM" : "fail");
    }
    printf("\n");
    ENTRY q = {"k3", NULL};
    ENTRY *f = hsearch(q, FIND);
    printf("find k3: %ld\n", f ? (long)f->data : -1L);
    q.key = "k9";
    errno = 0;
    f = hsearch(q, FIND);
    printf("find k9: %p ESRCH %d\n", (void *)f, errno == ESRCH);
    ENTRY again = {"k1", (void *)99};
    f = hsearch(again, ENTER);
    printf("enter k1 again keeps %ld\n", f ? (long)f->data : -1L);
    hdestroy();
    printf("hcreate again %d\n", hcreate(100));
    for (int i = 0; i < 100; i++) {
        char *k = malloc(8);
        snprintf(k, 8, "x%d", i);
        ENTRY e = {k, (void *)(long)i};
        if (!hsearch(e, ENTER))
            printf("enter %d failed\n", i);
    }
    long sum = 0;
    for (int i = 0; i < 100; i++) {
        char k[8];
        snprintf(k, 8, "x%d", i);
        ENTRY e = {k, NULL};
        ENTRY *r = hsearch(e, FIND);
        sum += r ? (long)r->data : -1000;
    }
    printf("100 entries found, sum %ld\n", sum);
    hdestroy();

    void *root = NULL;
    static int values[2000];
    unsigned seed = 12345;
    int added = 0;
    for (int i = 0; i < 2000; i++) {
        seed = seed * 1103515245 + 12345;
        values[i] = (int)(seed >> 8) % 1500;
        int **r = tsearch(&values[i], &root, cmp);
        if (r && *r == &values[i])
            added++;
    }
    printf("tsearch: %d distinct\n", added);
    twalk(root, visit);
    printf("twalk: %ld in order %ld\n", walked, order_ok);
    int probe = values[7];
    int **found = tfind(&probe, &root, cmp);
    printf("tfind %d: %d, missing %d\n", probe, found && **found == probe, tfind(&(int){-5}, &root, cmp) == NULL);
    int deleted = 0;
    for (int i = 0; i < 2000; i += 3)
        if (tdelete(&values[i], &root, cmp))
            deleted++;
    walked = order_ok = 0;
    last = -1;
    twalk(root, visit);
    printf("tdelete %d, left %ld in order %ld, delete missing %d\n", deleted, walked, order_ok, tdelete(&(int){-5}, &root, cmp) == NULL);
    while (root) {
        int k = **(int **)root;
        tdelete(&k, &root, cmp);
    }
    printf("emptied, tfind on empty %d\n", tfind(&probe, &root, cmp) == NULL);

    int table[10] = {5, 3, 9};
    size_t n = 3;
    int key = 9;
    int *r = lfind(&key, table, &n, sizeof(int), cmp);
    printf("lfind 9 at %td, ", r ? r - table : -1);
    key = 4;
    printf("lfind 4 %d, ", lfind(&key, table, &n, sizeof(int), cmp) == NULL);
    r = lsearch(&key, table, &n, sizeof(int), cmp);
    printf("lsearch 4 at %td n %zu, again at %td n %zu\n", r - table, n, (int *)lsearch(&key, table, &n, sizeof(int), cmp) - table, n);

    struct node { struct node *next, *prev; int v; } a = {0, 0, 1}, b = {0, 0, 2}, c = {0, 0, 3};
    insque(&a, NULL);
    insque(&b, &a);
    insque(&c, &a);
    printf("list:");
    for (struct node *p = &a; p; p = p->next)
        printf(" %d", p->v);
    remque(&c);
    printf(", after remque:");
    for (struct node *p = &a; p; p = p->next)
        printf(" %d(prev %d)", p->v, p->prev ? p->prev->v : 0);
    printf("\n");
    return 0;
}
