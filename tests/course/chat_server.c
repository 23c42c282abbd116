/* chat_server.c — the course's chat room server (seed 001 with the
 * select() of the multi-service chapter): accepts clients, and relays what
 * one recv() gave to every other client, as is. Runs until killed.
 * Usage: chat_server PORT */
#include <sys/select.h>

#include "course_endpoint.h"

#define MAX_CLIENTS 16

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    struct Endpoint* server = create_endpoint(TCP, "127.0.0.1", atoi(argv[1]));
    listen_to(server);
    int clients[MAX_CLIENTS];
    for (int i = 0; i < MAX_CLIENTS; i++) clients[i] = -1;
    for (;;) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(server->sockfd, &fds);
        int max_fd = server->sockfd;
        for (int i = 0; i < MAX_CLIENTS; i++) {
            if (clients[i] < 0) continue;
            FD_SET(clients[i], &fds);
            if (clients[i] > max_fd) max_fd = clients[i];
        }
        if (select(max_fd + 1, &fds, NULL, NULL, NULL) < 0) die("select");
        if (FD_ISSET(server->sockfd, &fds)) {
            int fd = accept(server->sockfd, NULL, NULL);
            int placed = 0;
            for (int i = 0; i < MAX_CLIENTS && fd >= 0 && !placed; i++)
                if (clients[i] < 0) clients[i] = fd, placed = 1;
            if (fd >= 0 && !placed) close(fd);
        }
        for (int i = 0; i < MAX_CLIENTS; i++) {
            if (clients[i] < 0 || !FD_ISSET(clients[i], &fds)) continue;
            char buf[BUFSIZ];
            ssize_t n = recv(clients[i], buf, sizeof buf, 0);
            if (n <= 0) {
                close(clients[i]);
                clients[i] = -1;
                continue;
            }
            for (int j = 0; j < MAX_CLIENTS; j++)
                if (j != i && clients[j] >= 0) send(clients[j], buf, (size_t)n, MSG_NOSIGNAL);
        }
    }
}
