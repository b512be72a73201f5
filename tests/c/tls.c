// Thread-local storage: initialised (.tdata) and zeroed (.tbss) _Thread_local variables, a TLS
// array, a TLS variable's address taken and passed to another function, TLS accessed from several
// threads (each sees its own copy), and __thread. Linked as a PIE executable: local-exec or
// initial-exec models, TLS relocations resolved by ld.lld and the glibc loader.
// expect: main: counter=100 zeroed=0 array=1,2,3
// expect: thread 1: counter=101 sum=12 own address: 1
// expect: thread 2: counter=102 sum=24 own address: 1
// expect: thread 3: counter=103 sum=36 own address: 1
// expect: main after threads: counter=100 zeroed=7
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static _Thread_local int counter = 100;
static _Thread_local long zeroed;
static __thread int array[3] = {1, 2, 3};

struct result { int counter; int sum; int own; };
static struct result results[4];

__attribute__((noinline)) static void add_to(int *p, int v) { *p += v; }

static void *worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    add_to(&counter, id);
    for (int i = 0; i < 3; ++i)
        array[i] *= 2 * id;
    zeroed += id;
    results[id].counter = counter;
    results[id].sum = array[0] + array[1] + array[2];
    results[id].own = zeroed == id;
    return NULL;
}

int main(void)
{
    printf("main: counter=%d zeroed=%ld array=%d,%d,%d\n", counter, zeroed, array[0], array[1], array[2]);
    pthread_t t[4];
    for (int i = 1; i <= 3; ++i)
        pthread_create(&t[i], NULL, worker, (void *)(intptr_t)i);
    for (int i = 1; i <= 3; ++i)
        pthread_join(t[i], NULL);
    for (int i = 1; i <= 3; ++i)
        printf("thread %d: counter=%d sum=%d own address: %d\n", i, results[i].counter, results[i].sum, results[i].own);
    zeroed = 7;
    printf("main after threads: counter=%d zeroed=%ld\n", counter, zeroed);
    return 0;
}
