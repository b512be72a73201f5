/* ctype.h — C17 7.4 (the C/POSIX locale). */
#ifndef _CTYPE_H
#define _CTYPE_H
#include <_relibc.h>
__RELIBC_BEGIN
int isalnum(int);
int isalpha(int);
int isblank(int);
int iscntrl(int);
int isdigit(int);
int isgraph(int);
int islower(int);
int isprint(int);
int ispunct(int);
int isspace(int);
int isupper(int);
int isxdigit(int);
int tolower(int);
int toupper(int);
__RELIBC_END
#endif
