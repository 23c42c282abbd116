// The C client's text: its header comment, includes and globals, and each
// helper function, filled in by clientexportc.cpp.

#include "core/codegen/clientexportctext.h"

namespace sockwb::codegen::detail::ctext {

const char* const kHeader =
    R"(/* @FILE@: a @PROTO@ client of @TARGET@, exported by Socket Workbench.
 *
 * It does what the client window does: @WHAT@
@STEPS@ * Everything received is printed on standard output as it came (bytes as
 * they are); messages about the exchange go to standard error.
 * Exit status: 0 when every expectation was met, 1 otherwise (standard
 * error says which), so that the program can be graded as the window is.
 *
 * Left out of what the window does:
@OMISSIONS@ *
 * Build: cc -Wall -Wextra -o @BIN@ @FILE@
 * Run:   ./@BIN@ @RUNARGS@   (the server's @ARGWORDS@: these are the defaults)
 */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
@UNIXINCLUDE@#include <time.h>
#include <unistd.h>

@DEFINES@#define BUFFER_SIZE @BUFSIZE@ /* the most one recv() takes */

static int sockfd = -1; /* the client's socket */
@GLOBALS@)";

const char* const kPause = R"(
/* A pause of ms milliseconds: nanosleep() sleeps again for what is left
 * when a signal interrupts it. */
static void pause_ms(long ms) {
    struct timespec left = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&left, &left) < 0 && errno == EINTR) {
    }
}
)";

const char* const kElapsed = R"(
/* Milliseconds since `since` on the monotonic clock (it never goes back). */
static long elapsed_ms(const struct timespec *since) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

/* Waits at most ms milliseconds for something to read: poll() on the socket.
 * 1: something to read (or the end of the connection), 0: nothing came in
 * time, -1: an error. */
static int wait_readable(long ms) {
    struct pollfd watched = {.fd = sockfd, .events = POLLIN};
    int ready;
    do {
        ready = poll(&watched, 1, (int)ms);
    } while (ready < 0 && errno == EINTR);
    return ready;
}
)";

const char* const kSendAllStream = R"(
/* send() may deposit fewer bytes than asked in the socket's buffer: send
 * again what is left until every byte went. MSG_NOSIGNAL: a closed
 * connection makes send() fail with EPIPE instead of killing the program. */
static int send_all(const char *buf, size_t len) {
    size_t total_sent = 0;
    while (total_sent < len) {
        ssize_t sent = send(sockfd, buf + total_sent, len - total_sent, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        total_sent += (size_t)sent;
    }
    return 0;
}
)";

const char* const kSendStreamRaw = R"(
/* One message of the script, as it is. */
static int send_message(const char *msg, size_t len) { return send_all(msg, len); }
)";

const char* const kSendDgramRaw = R"(
/* UDP: each message is one datagram, sent with sendto() to the server's
 * address (no connection: the address goes with every datagram). */
static int send_message(const char *msg, size_t len) {
    if (sendto(sockfd, msg, len, 0, (struct sockaddr *)&server_addr, server_len) < 0) return -1;
    return 0;
}
)";

const char* const kReceive = R"(
/* One @RECVCALL@: prints what came and keeps it for the expectations (the
 * newest HELD_SIZE bytes). Returns what @RECVCALL@ returned@ZERO@. */
static ssize_t receive_some(void) {
    static char buffer[BUFFER_SIZE];
    ssize_t received;
    do {
        received = @RECV@;
    } while (received < 0 && errno == EINTR);
    if (received <= 0) return received;
    fwrite(buffer, 1, (size_t)received, stdout);
    fflush(stdout);
    size_t n = (size_t)received;
    if (held_len + n > HELD_SIZE) { /* drop the oldest bytes */
        size_t drop = held_len + n - HELD_SIZE;
        memmove(held, held + drop, held_len - drop);
        held_len -= drop;
    }
    memcpy(held + held_len, buffer, n);
    held_len += n;
    return received;
}
)";

const char* const kExpect = R"(
/* An expectation: reads (and prints) until `text` is among what came since
 * the last expectation met, within within_ms of the previous step's end;
 * min_after_ms >= 0: not earlier than that after the connection opened.
 * 0: met; -1: not met (standard error says why). */
static int expect_text(const char *text, size_t len, long within_ms, long min_after_ms) {
    struct timespec step_start;
    clock_gettime(CLOCK_MONOTONIC, &step_start);
    for (;;) {
        for (size_t at = 0; len <= held_len && at <= held_len - len; at++) {
            if (memcmp(held + at, text, len) != 0) continue;
            memmove(held, held + at + len, held_len - at - len); /* keep what follows */
            held_len -= at + len;
            long after = elapsed_ms(&connected_at);
            if (min_after_ms >= 0 && after < min_after_ms) {
                fprintf(stderr, "expectation failed: \"%.*s\" received after %ld ms, expected after at least %ld ms\n",
                        (int)len, text, after, min_after_ms);
                return -1;
            }
            fprintf(stderr, "expectation met: \"%.*s\" received after %ld ms\n", (int)len, text, after);
            return 0;
        }
        long left = within_ms - elapsed_ms(&step_start);
        if (left <= 0) {
            fprintf(stderr, "expectation failed: \"%.*s\" not received within %ld ms\n", (int)len,
                    text, within_ms);
            return -1;
        }
        int ready = wait_readable(left);
        if (ready < 0) {
            perror("poll");
            return -1;
        }
        if (ready == 0) continue;
        ssize_t received = receive_some();
        if (received < 0) {
            perror("@RECVNAME@");
            return -1;
        }@CLOSED@
    }
}
)";

const char* const kExpectClosed = R"(
        if (received == 0) { /* recv() returns 0: the server closed the connection */
            fprintf(stderr, "expectation failed: the server closed the connection before \"%.*s\" came\n",
                    (int)len, text);
            return -1;
        })";

const char* const kExpectClose = R"(
/* An expectation that the server closes the connection (recv() returns 0)
 * within within_ms of the previous step's end, not earlier than
 * min_after_ms after it opened (when >= 0). 0: met; -1: not met. */
static int expect_close(long within_ms, long min_after_ms) {
    struct timespec step_start;
    clock_gettime(CLOCK_MONOTONIC, &step_start);
    for (;;) {
        long left = within_ms - elapsed_ms(&step_start);
        if (left <= 0) {
            fprintf(stderr, "expectation failed: the server did not close within %ld ms\n", within_ms);
            return -1;
        }
        int ready = wait_readable(left);
        if (ready < 0) {
            perror("poll");
            return -1;
        }
        if (ready == 0) continue;
        ssize_t received = receive_some();
        if (received < 0) {
            perror("recv");
            return -1;
        }
        if (received == 0) {
            long after = elapsed_ms(&connected_at);
            if (min_after_ms >= 0 && after < min_after_ms) {
                fprintf(stderr, "expectation failed: the server closed after %ld ms, expected after at least %ld ms\n",
                        after, min_after_ms);
                return -1;
            }
            fprintf(stderr, "expectation met: the server closed the connection after %ld ms\n", after);
            return 0;
        }
    }
}
)";

const char* const kReadToEndStream = R"(
/* The course's client: prints everything the server sends until it closes
 * the connection (recv() returns 0). */
static int read_until_close(void) {
    for (;;) {
        ssize_t received = receive_some();
        if (received < 0) {
            perror("recv");
            return -1;
        }
        if (received == 0) return 0;
    }
}
)";

const char* const kReadToEndDgram = R"(
/* UDP has no connection to close: prints the datagrams until "Au Revoir"
 * (the course's time service's last message) or 5 s without any. */
static int read_until_close(void) {
    for (;;) {
        struct pollfd watched = {.fd = sockfd, .events = POLLIN};
        int ready = poll(&watched, 1, 5000);
        if (ready < 0) {
            if (errno == EINTR) continue;
            perror("poll");
            return -1;
        }
        if (ready == 0) return 0;
        held_len = 0;
        ssize_t received = receive_some();
        if (received < 0) {
            perror("recvfrom");
            return -1;
        }
        if (held_len == 9 && memcmp(held, "Au Revoir", 9) == 0) return 0;
    }
}
)";

}  // namespace sockwb::codegen::detail::ctext
