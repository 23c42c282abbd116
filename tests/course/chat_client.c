/* chat_client.c — the course's chat client (seed 001): socket, bind to a
 * chosen local port, connect, then each line typed is sent as
 * sprintf(buf, "[%d]%s:%s", time(NULL), pseudo, message) with strlen()
 * (fgets keeps the message's '\n', or not at end of input). What the
 * server relays is printed as it comes (select on stdin and the socket, as
 * the course's select chapter does). Ends when the server closes, or at
 * end of input when "--quit-at-eof" is given.
 * Usage: chat_client PSEUDO SERVER_PORT CLIENT_PORT [--quit-at-eof] */
#include <sys/select.h>
#include <time.h>

#include "course_endpoint.h"

int main(int argc, char** argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s PSEUDO SERVER_PORT CLIENT_PORT [--quit-at-eof]\n", argv[0]);
        return 2;
    }
    const char* pseudo = argv[1];
    const int quit_at_eof = argc > 4 && strcmp(argv[4], "--quit-at-eof") == 0;
    int client_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (client_fd == -1) die("socket");
    struct sockaddr_in client_addr = {.sin_addr.s_addr = INADDR_ANY,
                                      .sin_family = AF_INET,
                                      .sin_port = htons((unsigned short)atoi(argv[3]))};
    if (bind(client_fd, (struct sockaddr*)&client_addr, sizeof client_addr) == -1) die("bind");
    struct sockaddr_in server_addr = {.sin_addr.s_addr = inet_addr("127.0.0.1"),
                                      .sin_family = AF_INET,
                                      .sin_port = htons((unsigned short)atoi(argv[2]))};
    if (connect(client_fd, (struct sockaddr*)&server_addr, sizeof server_addr) == -1)
        die("connect");
    printf("connected\n");
    fflush(stdout);
    int stdin_open = 1;
    for (;;) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(client_fd, &fds);
        if (stdin_open) FD_SET(STDIN_FILENO, &fds);
        if (select(client_fd + 1, &fds, NULL, NULL, NULL) < 0) die("select");
        if (stdin_open && FD_ISSET(STDIN_FILENO, &fds)) {
            char message[BUFSIZ];
            memset(message, 0, BUFSIZ);
            if (fgets(message, BUFSIZ, stdin) == NULL) {
                stdin_open = 0;
                if (quit_at_eof) break;
                continue;
            }
            char buf[BUFSIZ + 64];
            memset(buf, 0, sizeof buf);
            snprintf(buf, sizeof buf, "[%d]%s:%s", (int)time(NULL), pseudo, message);
            if (send(client_fd, buf, strlen(buf), 0) == -1) die("send");
        }
        if (FD_ISSET(client_fd, &fds)) {
            char buf[BUFSIZ];
            ssize_t n = recv(client_fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            fwrite(buf, 1, (size_t)n, stdout);
            fflush(stdout);
        }
    }
    close(client_fd);
    return EXIT_SUCCESS;
}
