/* Under the tracer: the waiting calls on a socket pair with data ready:
 * poll, select, epoll_create1/epoll_ctl/epoll_wait, then usleep, nanosleep
 * and sleep(0) (short: the test does not wait for them). */
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) return 1;
    if (send(sv[0], "x", 1, 0) != 1) return 1;
    struct pollfd p = {sv[1], POLLIN, 0};
    if (poll(&p, 1, 1000) != 1) return 1;
    fd_set r;
    FD_ZERO(&r);
    FD_SET(sv[1], &r);
    struct timeval tv = {1, 0};
    if (select(sv[1] + 1, &r, NULL, NULL, &tv) != 1) return 1;
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = sv[1]};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, sv[1], &ev) < 0) return 1;
    struct epoll_event out[4];
    if (epoll_wait(ep, out, 4, 1000) != 1) return 1;
    usleep(1000);
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
    sleep(0);
    close(ep);
    close(sv[0]);
    close(sv[1]);
    return 0;
}
