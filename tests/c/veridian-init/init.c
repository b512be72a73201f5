/* /init for the C corpus on VeridianOS (tests/Veridian.Runner.Tests, VeridianCCorpusTests): runs /bin/<name> for each
 * argument in turn — fork, execv, waitpid — and frames its output between "@@@ begin <name>" and
 * "@@@ end <name> <exit status>", so one boot runs the whole corpus. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        char path[256];
        snprintf(path, sizeof path, "/bin/%s", argv[i]);
        printf("@@@ begin %s\n", argv[i]);
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            char *args[] = {path, NULL};
            execv(path, args);
            _exit(127);
        }
        int status = 0;
        if (pid < 0 || waitpid(pid, &status, 0) != pid) {
            printf("\n@@@ end %s -1\n", argv[i]);
            continue;
        }
        /* A newline first: the program's last line may not have one. */
        printf("\n@@@ end %s %d\n", argv[i], WEXITSTATUS(status));
        fflush(stdout);
    }
    return 0;
}
