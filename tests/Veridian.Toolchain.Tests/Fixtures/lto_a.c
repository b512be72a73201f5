int helper(int x);
int entry(int x) { return helper(x) * 2; }
