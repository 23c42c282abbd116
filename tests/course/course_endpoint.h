/* course_endpoint.h — the course's little Endpoint library (seed 000:
 * create_endpoint, listen_to, accept_connexion, connect_to, send_to,
 * receive_from, free_endpoint), written again the way a student does, so
 * the course's time programs read as in the course. send_to sends strlen()
 * bytes (no terminator); receive_from returns what ONE recv()/recvfrom()
 * gave, as a malloc'd string ("" when the peer closed). Errors end the
 * program, as the course's version does. Test helper, plain C. */
#ifndef COURSE_ENDPOINT_H
#define COURSE_ENDPOINT_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

enum Protocol { TCP, UDP };

struct Endpoint {
    int sockfd;
    enum Protocol protocol;
    struct sockaddr_in address; /* the peer (client side, UDP reply) or our own (server) */
};

static void die(const char* what) {
    perror(what);
    exit(EXIT_FAILURE);
}

static struct Endpoint* create_endpoint(enum Protocol protocol, const char* ip, int port) {
    struct Endpoint* e = calloc(1, sizeof *e);
    if (!e) die("calloc");
    e->protocol = protocol;
    e->sockfd = socket(AF_INET, protocol == TCP ? SOCK_STREAM : SOCK_DGRAM, 0);
    if (e->sockfd < 0) die("socket");
    e->address.sin_family = AF_INET;
    e->address.sin_port = htons((unsigned short)port);
    if (inet_pton(AF_INET, ip, &e->address.sin_addr) != 1) die("inet_pton");
    return e;
}

/* Prints the port the kernel chose (port 0), once the server is ready for
 * clients, so a test can read it and connect. */
static void print_port(struct Endpoint* e) {
    printf("Server listen on port : %d\n", ntohs(e->address.sin_port));
    fflush(stdout);
}

static void bind_to(struct Endpoint* e) {
    int one = 1;
    setsockopt(e->sockfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(e->sockfd, (struct sockaddr*)&e->address, sizeof e->address) < 0) die("bind");
    socklen_t len = sizeof e->address;
    getsockname(e->sockfd, (struct sockaddr*)&e->address, &len);
}

static void listen_to(struct Endpoint* e) {
    bind_to(e);
    if (listen(e->sockfd, 16) < 0) die("listen");
    print_port(e);
}

static struct Endpoint* accept_connexion(struct Endpoint* server) {
    struct Endpoint* c = calloc(1, sizeof *c);
    if (!c) die("calloc");
    socklen_t len = sizeof c->address;
    c->protocol = TCP;
    c->sockfd = accept(server->sockfd, (struct sockaddr*)&c->address, &len);
    if (c->sockfd < 0) {
        free(c);
        return NULL;
    }
    return c;
}

static void connect_to(struct Endpoint* e) {
    if (connect(e->sockfd, (struct sockaddr*)&e->address, sizeof e->address) < 0) die("connect");
}

/* UDP server: an endpoint that shares the server's socket; receive_from
 * fills in the client's address, send_to answers it. */
static struct Endpoint* create_udp_client(struct Endpoint* server) {
    struct Endpoint* c = calloc(1, sizeof *c);
    if (!c) die("calloc");
    c->sockfd = server->sockfd;
    c->protocol = UDP;
    return c;
}

static void send_to(struct Endpoint* to, const char* message) {
    ssize_t n = to->protocol == TCP ? send(to->sockfd, message, strlen(message), 0)
                                    : sendto(to->sockfd, message, strlen(message), 0,
                                             (struct sockaddr*)&to->address, sizeof to->address);
    if (n < 0) die("send_to");
}

static char* receive_from(struct Endpoint* from) {
    char buffer[BUFSIZ];
    memset(buffer, 0, sizeof buffer);
    ssize_t n;
    if (from->protocol == TCP) {
        n = recv(from->sockfd, buffer, sizeof buffer - 1, 0);
    } else {
        socklen_t len = sizeof from->address;
        n = recvfrom(from->sockfd, buffer, sizeof buffer - 1, 0, (struct sockaddr*)&from->address,
                     &len);
    }
    if (n < 0) die("receive_from");
    return strdup(buffer);
}

static void free_endpoint(struct Endpoint* e) {
    if (e->protocol == TCP) close(e->sockfd);
    free(e);
}

#endif
