/* http_ex1_server.c — the course's HTTP "Exercice 1" (seed 001): accept one
 * client, send an HTTP answer without reading the request, close the
 * client, close the server. The request stays unread, so the kernel
 * usually answers the close with an RST (the client's recv may then fail
 * with ECONNRESET after the page).
 * Usage: http_ex1_server PORT */
#include "course_endpoint.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    struct Endpoint* server = create_endpoint(TCP, "127.0.0.1", atoi(argv[1]));
    listen_to(server);
    struct Endpoint* client = accept_connexion(server);
    if (client == NULL) die("accept");
    char reponse[BUFSIZ];
    memset(reponse, 0, BUFSIZ);
    sprintf(reponse, "HTTP/1.1 200 OK\n\n<h1>Hello World!</h1>");
    send(client->sockfd, reponse, strlen(reponse), 0);
    free_endpoint(client);
    free_endpoint(server);
    return EXIT_SUCCESS;
}
