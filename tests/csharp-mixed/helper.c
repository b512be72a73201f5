/* C half: twice() is called from C#; it calls back into C# through the exported square(). */
int square(int x);
int twice(int x) { return 2 * square(x); }
