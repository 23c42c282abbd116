/* Under the tracer: a connect that fails. A port is made free (bound to 0,
 * read back, closed), then connected to: ECONNREFUSED. The program prints the
 * errno it saw, so the test can tell the tracer kept it. Then a double close
 * (EBADF). Exits 3 when connect did not fail as expected. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
    int probe = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(probe, (struct sockaddr*)&addr, sizeof addr) < 0) return 1;
    socklen_t len = sizeof addr;
    getsockname(probe, (struct sockaddr*)&addr, &len);
    close(probe);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int r = connect(s, (struct sockaddr*)&addr, sizeof addr);
    int e = errno;
    printf("connect=%d errno=%d %s\n", r, e, e == ECONNREFUSED ? "ECONNREFUSED" : "other");
    fflush(stdout);
    close(s);
    r = close(s);
    e = errno;
    printf("close=%d errno=%d %s\n", r, e, e == EBADF ? "EBADF" : "other");
    return r == -1 && e == EBADF ? 0 : 3;
}
