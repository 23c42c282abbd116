/* time_server.c — the course's time servers (seed 000): TCP iterative
 * ("Serveur TCP"), TCP with one detached thread per client ("Concurrence
 * Mono-Service"), and UDP ("Serveur UDP"). For each client: print what it
 * said, send the time N times with a pause, then "Au Revoir" — each with
 * send_to, so strlen() bytes and no terminator. The pause is sleep(1) in
 * the course; here it is INTERVAL_MS so tests run fast. Runs until killed.
 * Usage: time_server tcp|thread|udp PORT N INTERVAL_MS */
#include <pthread.h>
#include <time.h>

#include "course_endpoint.h"

static int N = 5;
static int interval_ms = 1000;

static char* get_current_time(void) {
    char* text = malloc(32);
    if (!text) die("malloc");
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(text, 32, "%Y-%m-%d %H:%M:%S", &tm);
    return text;
}

static void pause_between(void) { usleep((useconds_t)interval_ms * 1000); }

static void send_times(struct Endpoint* client) {
    for (int i = 0; i < N; i++) {
        char* current_time = get_current_time();
        send_to(client, current_time);
        free(current_time);
        pause_between();
    }
    send_to(client, "Au Revoir");
}

static void* get_time_service(void* arg) {
    struct Endpoint* client = arg;
    char* request = receive_from(client);
    printf("Client said: %s\n", request);
    fflush(stdout);
    free(request);
    send_times(client);
    free_endpoint(client);
    return NULL;
}

static void serve_tcp(struct Endpoint* e, int threaded) {
    listen_to(e);
    struct Endpoint* client;
    while ((client = accept_connexion(e)) != NULL) {
        if (!threaded) {
            get_time_service(client);
            continue;
        }
        pthread_t thread;
        if (pthread_create(&thread, NULL, get_time_service, client) != 0) {
            perror("Failed to create thread");
            free_endpoint(client);
            continue;
        }
        pthread_detach(thread);
    }
}

static void serve_udp(struct Endpoint* serveur) {
    struct Endpoint* client = create_udp_client(serveur);
    bind_to(serveur);
    print_port(serveur);
    while (1) {
        char* request = receive_from(client);
        printf("Client said: %s\n", request);
        fflush(stdout);
        free(request);
        send_times(client);
    }
}

int main(int argc, char** argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s tcp|thread|udp PORT N INTERVAL_MS\n", argv[0]);
        return 2;
    }
    N = atoi(argv[3]);
    interval_ms = atoi(argv[4]);
    const int udp = strcmp(argv[1], "udp") == 0;
    struct Endpoint* e = create_endpoint(udp ? UDP : TCP, "127.0.0.1", atoi(argv[2]));
    if (udp)
        serve_udp(e);
    else
        serve_tcp(e, strcmp(argv[1], "thread") == 0);
    return 0;
}
