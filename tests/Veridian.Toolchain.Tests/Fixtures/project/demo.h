#define DEMO_SCALE 3
int demo_a(int x);
