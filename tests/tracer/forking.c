/* Under the tracer: a process that forks. The child makes and closes a
 * socket with its own pid, writes "ok" on the pair's socket and exits; the
 * parent reads it and waits. Prints "child PID". */
#include <stdio.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) return 1;
    pid_t pid = fork();
    if (pid < 0) return 1;
    if (pid == 0) {
        close(sv[0]);
        int s = socket(AF_INET, SOCK_STREAM, 0);
        close(s);
        write(sv[1], "ok", 2);
        close(sv[1]);
        _exit(0);
    }
    close(sv[1]);
    char buf[4];
    if (read(sv[0], buf, sizeof buf) != 2) return 1;
    close(sv[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    printf("child %d\n", (int)pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
