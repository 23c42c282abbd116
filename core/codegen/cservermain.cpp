// main() and the models' loops of an exported C server (cserverparts.h).

#include "core/codegen/cserverparts.h"

namespace sockwb::codegen::cserver {

namespace {

// The start of main(): the port, the listening socket, the course's line.
std::string blockingStart(const ServerPlan& plan) {
    const auto& l = plan.listeners.front();
    return std::string(
               "\nstatic int listen_fd; /* the listening socket (\"socket d'ecoute\") */\n") +
           "\nint main(int argc, char *argv[])\n{\n"
           "    int port = parse_port(argc > 1 ? argv[1] : NULL, " +
           std::to_string(l.defaultPort) + ");\n" + "    listen_fd = open_listener(" +
           (l.udp ? "SOCK_DGRAM" : "SOCK_STREAM") + ", \"" + l.address + "\", port);\n" +
           "    printf(\"Server listen on port : %d\\n\", port);\n    fflush(stdout);\n";
}

const char* kAcceptOne =
    R"(        /* accept(): blocks until a client connects; its own socket comes back */
        struct sockaddr_storage client_addr;
        socklen_t client_len = sizeof client_addr;
        int client_fd = accept(listen_fd, (struct sockaddr *)&client_addr, &client_len);
        if (client_fd < 0) {
            if (errno != EINTR && errno != ECONNABORTED)
                perror("accept");
            continue;
        }
)";

std::string iterativeTcp() {
    return std::string("    for (;;) {\n") + kAcceptOne +
           "        serve_client(client_fd);\n"
           "        /* close(): the client's socket; the next client can be accepted */\n"
           "        close(client_fd);\n    }\n";
}

std::string forkLoop() {
    return std::string(
               R"(    /* SIGCHLD: a child ended; reap it so no zombie stays. SA_RESTART: accept()
     * starts again by itself after the handler. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = reap_children;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    if (sigaction(SIGCHLD, &sa, NULL) < 0)
        die("sigaction");
    for (;;) {
)") + kAcceptOne +
           R"(        /* fork(): the child serves this client, the parent accepts the next */
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            close(client_fd);
            continue;
        }
        if (pid == 0) {
            /* the child: it does not accept, so it closes the listening socket */
            close(listen_fd);
            serve_client(client_fd);
            close(client_fd);
            _exit(EXIT_SUCCESS);
        }
        /* the parent: the child has its own copy of the client's socket */
        close(client_fd);
    }
)";
}

const char* kReap = R"(
/* The SIGCHLD handler: waitpid(WNOHANG) collects every child that ended. */
static void reap_children(int sig)
{
    int saved_errno = errno;
    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0) {
    }
    errno = saved_errno;
}
)";

const char* kThreadFn = R"(
/* The thread of one client: serve it, close its socket, end. */
static void *client_thread(void *arg)
{
    int client_fd = (int)(intptr_t)arg;
    serve_client(client_fd);
    close(client_fd);
    return NULL;
}
)";

std::string threadLoop() {
    return std::string("    for (;;) {\n") + kAcceptOne +
           R"(        /* pthread_create(): a thread for this client; detached, it cleans up
         * after itself when it ends (no pthread_join) */
        pthread_t thread;
        int err = pthread_create(&thread, NULL, client_thread, (void *)(intptr_t)client_fd);
        if (err != 0) {
            errno = err;
            perror("pthread_create");
            close(client_fd);
            continue;
        }
        pthread_detach(thread);
    }
)";
}

const char* kWorker = R"(
/* A worker of the pool: the threads all block in accept() on the same
 * listening socket; the kernel gives each new client to one of them. */
static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
)";

std::string poolLoop() {
    return R"(    /* pthread_create(): the pool, created once, before any client */
    pthread_t workers[POOL_SIZE];
    for (int i = 0; i < POOL_SIZE; i++) {
        int err = pthread_create(&workers[i], NULL, worker, NULL);
        if (err != 0) {
            errno = err;
            die("pthread_create");
        }
    }
    for (int i = 0; i < POOL_SIZE; i++)
        pthread_join(workers[i], NULL);
)";
}

std::string udpIterative(const std::string& service) {
    return R"(    for (;;) {
        /* recvfrom(): blocks until a datagram arrives, and says who sent it */
        char buffer[BUFFER_SIZE];
        struct sockaddr_storage client_addr;
        socklen_t client_len = sizeof client_addr;
        ssize_t n = recvfrom(listen_fd, buffer, sizeof buffer, 0, (struct sockaddr *)&client_addr,
                             &client_len);
        if (n < 0) {
            if (errno != EINTR)
                perror("recvfrom");
            continue;
        }
        )" +
           service +
           "_datagram(listen_fd, buffer, (size_t)n, (struct sockaddr *)&client_addr, "
           "client_len);\n    }\n";
}

}  // namespace

std::string blockingMain(const ServerPlan& plan) {
    const auto& l = plan.listeners.front();
    const std::string& m = plan.model;
    std::string out;
    if (m == "fork") out += kReap;
    if (m == "thread") out += kThreadFn;
    if (m == "pool")
        out += "\nstatic int listen_fd;\n" + std::string(kWorker) + kAcceptOne +
               "        serve_client(client_fd);\n        close(client_fd);\n    }\n"
               "    return NULL;\n}\n";
    std::string start = blockingStart(plan);
    if (m == "pool") start.replace(0, start.find("\nint main"), "");
    out += start;
    if (l.udp)
        out += udpIterative(l.service);
    else if (m == "iterative")
        out += iterativeTcp();
    else if (m == "fork")
        out += forkLoop();
    else if (m == "thread")
        out += threadLoop();
    else
        out += poolLoop();
    out +=
        "    /* close(): never reached (the server runs until it is killed) */\n"
        "    close(listen_fd);\n    return EXIT_SUCCESS;\n}\n";
    return out;
}

std::string eventMain(const ServerPlan& plan) {
    const std::string& m = plan.model;
    std::string out =
        "\n/* The listening sockets: one per service (the multi-service server). */\n";
    int id = 0;
    for (const char* svc :
         {"echo", "discard", "chargen", "daytime", "time", "clock", "chat", "http"})
        if (plan.has(svc))
            out += "#define " + serviceConstant(svc) + " " + std::to_string(id++) + "\n";
    out += "#define NLISTENERS " + std::to_string(plan.listeners.size()) +
           "\n"
           "struct listener {\n    int fd;\n    int type; /* SOCK_STREAM or SOCK_DGRAM */\n"
           "    int service;\n    const char *address;\n    int port;\n};\n"
           "static struct listener listeners[NLISTENERS] = {\n";
    for (const auto& l : plan.listeners)
        out += "    {-1, " + std::string(l.udp ? "SOCK_DGRAM" : "SOCK_STREAM") + ", " +
               serviceConstant(l.service) + ", \"" + l.address + "\", " +
               std::to_string(l.defaultPort) + "},\n";
    out += "};\n";
    if (m == "epoll")
        out += "static int epoll_fd; /* epoll_create1(): the set of watched sockets */\n";
    // The handlers refer to listeners[] and epoll_fd: they come after them.
    out += eventLoop(plan);
    const bool tcp = plan.anyTcp();
    const bool clock = plan.has("clock");
    out +=
        "\nint main(int argc, char *argv[])\n{\n"
        "    for (int i = 0; i < NLISTENERS; i++) {\n"
        "        struct listener *l = &listeners[i];\n"
        "        l->port = parse_port(argc > i + 1 ? argv[i + 1] : NULL, l->port);\n"
        "        l->fd = open_listener(l->type, l->address, l->port);\n"
        "        /* non-blocking: the loop must never wait in accept() or recvfrom() */\n"
        "        set_nonblocking(l->fd);\n"
        "        printf(\"Server listen on port : %d (%s)\\n\", l->port,\n"
        "               l->type == SOCK_STREAM ? \"TCP\" : \"UDP\");\n    }\n"
        "    fflush(stdout);\n";
    const std::string wait = clock ? "next_timeout()" : "-1";
    if (m == "select") {
        out += R"(    for (;;) {
        /* select(): the sets are rebuilt before each call (select overwrites
         * them with the sockets that are ready) */
        fd_set readable, writable;
        FD_ZERO(&readable);
        FD_ZERO(&writable);
        int max_fd = -1;
        for (int i = 0; i < NLISTENERS; i++) {
            FD_SET(listeners[i].fd, &readable);
            if (listeners[i].fd > max_fd)
                max_fd = listeners[i].fd;
        }
)";
        if (tcp)
            out += R"(        for (int fd = 0; fd < MAX_FDS; fd++) {
            if (!connections[fd].open)
                continue;
            if (wants_read(fd))
                FD_SET(fd, &readable);
            if (wants_write(fd))
                FD_SET(fd, &writable);
            if (fd > max_fd)
                max_fd = fd;
        }
)";
        out += "        long long wait = " + wait + ";\n" + R"(        struct timeval tv;
        tv.tv_sec = (time_t)(wait / 1000);
        tv.tv_usec = (suseconds_t)(wait % 1000) * 1000;
        int ready = select(max_fd + 1, &readable, &writable, NULL, wait < 0 ? NULL : &tv);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            die("select");
        }
        for (int i = 0; i < NLISTENERS; i++)
            if (FD_ISSET(listeners[i].fd, &readable))
                listener_ready(i);
)";
        if (tcp)
            out += R"(        for (int fd = 0; fd < MAX_FDS; fd++) {
            if (!connections[fd].open)
                continue;
            if (FD_ISSET(fd, &readable))
                read_client(fd);
            if (FD_ISSET(fd, &readable) || FD_ISSET(fd, &writable))
                settle(fd);
        }
)";
    } else if (m == "poll") {
        out += std::string("    static struct pollfd fds[NLISTENERS") + (tcp ? " + MAX_FDS" : "") +
               "];\n" + R"(    for (;;) {
        /* poll(): one entry per socket, with the events wanted */
        nfds_t count = 0;
        for (int i = 0; i < NLISTENERS; i++) {
            fds[count].fd = listeners[i].fd;
            fds[count].events = POLLIN;
            count++;
        }
)";
        if (tcp)
            out += R"(        for (int fd = 0; fd < MAX_FDS; fd++) {
            if (!connections[fd].open)
                continue;
            fds[count].fd = fd;
            fds[count].events = (short)((wants_read(fd) ? POLLIN : 0) | (wants_write(fd) ? POLLOUT : 0));
            count++;
        }
)";
        out += "        long long wait = " + wait + ";\n" +
               R"(        int ready = poll(fds, count, (int)wait);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            die("poll");
        }
        for (nfds_t k = 0; k < count; k++) {
            if (fds[k].revents == 0)
                continue;
            if (k < NLISTENERS) {
                listener_ready((int)k);
                continue;
            }
)";
        if (tcp)
            out += R"(            int fd = fds[k].fd;
            if (!connections[fd].open)
                continue;
            /* POLLHUP, POLLERR: recv() says what happened (0 or an error) */
            if (fds[k].revents & (POLLIN | POLLHUP | POLLERR))
                read_client(fd);
            settle(fd);
)";
        out += "        }\n";
    } else {
        out += R"(    /* epoll_create1(): the kernel keeps the set of watched sockets, so each
     * wait does not pass them all again */
    epoll_fd = epoll_create1(0);
    if (epoll_fd < 0)
        die("epoll_create1");
    for (int i = 0; i < NLISTENERS; i++) {
        struct epoll_event ev;
        memset(&ev, 0, sizeof ev);
        ev.events = EPOLLIN;
        ev.data.fd = listeners[i].fd;
        if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, listeners[i].fd, &ev) < 0)
            die("epoll_ctl ADD");
    }
    for (;;) {
        struct epoll_event events[64];
)";
        out += "        long long wait = " + wait + ";\n" +
               R"(        int ready = epoll_wait(epoll_fd, events, 64, (int)wait);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            die("epoll_wait");
        }
        for (int k = 0; k < ready; k++) {
            int fd = events[k].data.fd;
            int listener = -1;
            for (int i = 0; i < NLISTENERS; i++)
                if (listeners[i].fd == fd)
                    listener = i;
            if (listener >= 0) {
                listener_ready(listener);
                continue;
            }
)";
        if (tcp)
            out += R"(            if (!connections[fd].open)
                continue;
            if (events[k].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                read_client(fd);
            settle(fd);
)";
        out += "        }\n";
    }
    if (clock) out += "        run_timers();\n";
    out += "    }\n}\n";
    return out;
}

}  // namespace sockwb::codegen::cserver
