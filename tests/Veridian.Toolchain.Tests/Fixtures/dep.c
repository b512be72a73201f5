#include "dep.h"
int dep_value(void) { return DEP_VALUE; }
