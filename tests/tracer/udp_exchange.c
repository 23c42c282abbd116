/* Under the tracer: a UDP exchange between two sockets of one process:
 * socket bind getsockname socket sendto recvfrom sendto recvfrom close close. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int a = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(a, (struct sockaddr*)&addr, sizeof addr) < 0) return 1;
    socklen_t len = sizeof addr;
    if (getsockname(a, (struct sockaddr*)&addr, &len) < 0) return 1;
    int b = socket(AF_INET, SOCK_DGRAM, 0);
    if (sendto(b, "ping", 4, 0, (struct sockaddr*)&addr, sizeof addr) != 4) return 1;
    char buf[16];
    struct sockaddr_in from;
    socklen_t fromLen = sizeof from;
    if (recvfrom(a, buf, sizeof buf, 0, (struct sockaddr*)&from, &fromLen) != 4) return 1;
    if (sendto(a, "pong", 4, 0, (struct sockaddr*)&from, fromLen) != 4) return 1;
    fromLen = sizeof from;
    if (recvfrom(b, buf, sizeof buf, 0, (struct sockaddr*)&from, &fromLen) != 4) return 1;
    close(b);
    close(a);
    return 0;
}
