/* Under the tracer: a thread makes and closes a UDP socket; the main thread
 * makes a TCP one before and closes it after the join. */
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static void* work(void* arg) {
    (void)arg;
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    close(s);
    return NULL;
}

int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    pthread_t t;
    if (pthread_create(&t, NULL, work, NULL) != 0) return 1;
    pthread_join(t, NULL);
    close(s);
    return 0;
}
