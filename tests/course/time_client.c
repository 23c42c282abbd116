/* time_client.c — the course's time client (seed 000, "Client TCP" and
 * "Client UDP"): says "Bonjour", then prints every message as
 * "Server: %s (%zu)" until an empty one (TCP: the server closed) or
 * "Au Revoir". It has no timeout, exactly like the course's: if the server
 * never sends "Au Revoir" byte for byte, it waits forever (the test's
 * bounded wait catches that).
 * Usage: time_client tcp|udp IP PORT */
#include "course_endpoint.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s tcp|udp IP PORT\n", argv[0]);
        return 2;
    }
    enum Protocol protocol = strcmp(argv[1], "udp") == 0 ? UDP : TCP;
    struct Endpoint* e = create_endpoint(protocol, argv[2], atoi(argv[3]));
    if (protocol == TCP) connect_to(e);
    send_to(e, "Bonjour");
    char* response = NULL;
    do {
        if (response != NULL) free(response);
        response = receive_from(e);
        printf("Server: %s (%zu)\n", response, strlen(response));
        fflush(stdout);
    } while (strlen(response) > 0 && strcmp(response, "Au Revoir") != 0);
    free(response);
    int fd = e->sockfd;
    free_endpoint(e);
    if (protocol == UDP) close(fd);
    return 0;
}
