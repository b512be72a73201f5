#include "demo.h"
int demo_a(int x) { return x * DEMO_SCALE; }
