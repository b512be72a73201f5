#ifndef WORDS_H
#define WORDS_H
#include <stddef.h>

/* The number of words (runs of non-space bytes) in text. */
size_t count_words(const char *text);

#endif
