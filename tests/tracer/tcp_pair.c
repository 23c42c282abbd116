/* Under the tracer: a TCP server and its client in one process, blocking
 * calls only, in a fixed order the test checks call by call:
 * socket bind listen getsockname socket connect accept send recv send recv
 * shutdown recv close close close. Prints the port it used. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int server = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (bind(server, (struct sockaddr*)&addr, sizeof addr) < 0) return 1;
    if (listen(server, 5) < 0) return 1;
    socklen_t len = sizeof addr;
    if (getsockname(server, (struct sockaddr*)&addr, &len) < 0) return 1;
    int client = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(client, (struct sockaddr*)&addr, sizeof addr) < 0) return 1;
    struct sockaddr_in peer;
    socklen_t peerLen = sizeof peer;
    int conn = accept(server, (struct sockaddr*)&peer, &peerLen);
    if (conn < 0) return 1;
    char buf[64];
    if (send(client, "Bonjour", 7, 0) != 7) return 1;
    if (recv(conn, buf, sizeof buf, 0) != 7) return 1;
    if (send(conn, "Au Revoir", 9, 0) != 9) return 1;
    if (recv(client, buf, sizeof buf, 0) != 9) return 1;
    shutdown(client, SHUT_WR);
    if (recv(conn, buf, sizeof buf, 0) != 0) return 1;
    close(conn);
    close(client);
    close(server);
    printf("port %d\n", ntohs(addr.sin_port));
    return 0;
}
