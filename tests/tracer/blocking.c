/* Under the tracer: a server that blocks in accept until it is stopped (the
 * tests stop it: Ctrl-C through `sockwb trace`, Stop in the Run window). It
 * prints "listening PORT" once the socket listens. A forked child blocks in
 * pause() too, so stopping must reach the whole process group. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char** argv) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr*)&addr, sizeof addr) < 0 || listen(s, 5) < 0) return 1;
    socklen_t len = sizeof addr;
    getsockname(s, (struct sockaddr*)&addr, &len);
    if (argc > 1 && strcmp(argv[1], "--fork") == 0 && fork() == 0) {
        pause();
        _exit(0);
    }
    printf("listening %d\n", ntohs(addr.sin_port));
    fflush(stdout);
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c < 0) return 1;
        close(c);
    }
}
