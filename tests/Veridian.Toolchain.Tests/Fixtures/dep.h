#define DEP_VALUE 7
