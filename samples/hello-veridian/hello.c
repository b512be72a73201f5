/* A newcomer's first VeridianOS program (README.md):
 *   ./veridian run --target aarch64-veridian-user-relibc samples/hello-veridian
 * builds it against relibc-cs, boots the VeridianOS kernel with it as /init, prints its output and exits with its
 * status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

int main(void)
{
    struct utsname u;
    if (uname(&u) != 0)
        return 1;
    const char *who = "VeridianOS";
    char *greeting = malloc(strlen(who) + 8);
    if (greeting == NULL)
        return 2;
    snprintf(greeting, strlen(who) + 8, "Hello, %s", who);
    printf("%s! (%s on %s)\n", greeting, u.sysname, u.machine);
    free(greeting);
    return 0;
}
