/* C half: twice() is called from C#; it calls back into C# through the exported square(). */
int square(int x);
int twice(int x) { return 2 * square(x); }

/* Runs before main at the first priority a program may use; C#'s static constructors (priority 100) ran already. */
int csharp_ready(void);
static int seen;
__attribute__((constructor(101))) static void early(void) { seen = csharp_ready(); }
int seen_by_constructor(void) { return seen; }
