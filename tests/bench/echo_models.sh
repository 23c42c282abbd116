#!/usr/bin/env bash
# Runs the echo service under each concurrency model (`sockwb serve --port 0`)
# and loads it from a second process (sockwb_echoload), then prints a table:
#   model | connections/s | round trips/s | RSS | threads (processes)
# connections/s: workers loop connect + one 64-byte round trip + close.
# round trips/s: workers each keep one connection and loop send + read back.
# RSS and threads are sampled from /proc during the round-trip run (peaks);
# for the fork model the children's RSS is added and their count shown.
# The table goes to stdout, so it can be quoted as is.
#
# Usage: tests/bench/echo_models.sh [BUILD_DIR] [CONNECTIONS=8] [SECONDS=3]
# Needs targets sockwb and sockwb_echoload built in BUILD_DIR. MODELS="fork epoll"
# limits the run to some models.
set -euo pipefail

build=${1:-build}
conns=${2:-8}
secs=${3:-3}
ms=$((secs * 1000))
sockwb=$build/bin/sockwb
load=$build/bin/sockwb_echoload
for b in "$sockwb" "$load"; do
    [[ -x $b ]] || { echo "echo_models.sh: $b not built (cmake --build $build --target sockwb sockwb_echoload)" >&2; exit 2; }
done

tmp=$(mktemp -d)
server_pid=
cleanup() {
    [[ -n $server_pid ]] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

# sample PID: "RSS_KIB THREADS PROCS" of PID and all its descendants (the
# fork model may fork from a helper process), from one `ps` call: a sample
# must be cheap, the machine is busy with the load.
sample() {
    ps -e -o pid=,ppid=,rss=,nlwp= | awk -v root="$1" '
        { parent[$1] = $2; rss[$1] = $3; nlwp[$1] = $4 }
        END {
            for (p in parent) {
                q = p
                while (q != root && q in parent && q > 1) q = parent[q]
                if (q == root) { r += rss[p]; t += nlwp[p]; n++ }
            }
            print r + 0, t + 0, n + 0
        }'
}

printf '%-10s %14s %14s %10s %18s\n' model "connections/s" "round trips/s" "RSS MiB" "threads (procs)"
for model in ${MODELS:-iterative fork thread pool select poll epoll}; do
    "$sockwb" serve --service echo --port 0 --model "$model" --threads 4 >"$tmp/out" 2>"$tmp/err" &
    server_pid=$!
    port=
    for _ in $(seq 1 100); do
        port=$(sed -n 's/^listening tcp [^ ]*:\([0-9]*\) .*/\1/p' "$tmp/out" | head -n1)
        [[ -n $port ]] && break
        sleep 0.05
    done
    if [[ -z $port ]]; then
        echo "$model: server did not start: $(cat "$tmp/err")" >&2
        exit 1
    fi

    cps=$("$load" 127.0.0.1 "$port" connect "$conns" "$ms")
    "$load" 127.0.0.1 "$port" roundtrip "$conns" "$ms" >"$tmp/rtt" &
    load_pid=$!
    # Sampled every 0.1 s while the load runs (after 0.3 s for the
    # connections to open); the peaks are kept.
    rss=0 threads=0 procs=0
    sleep 0.3
    while kill -0 "$load_pid" 2>/dev/null; do
        read -r r t p < <(sample "$server_pid")
        ((r > rss)) && rss=$r
        ((t > threads)) && threads=$t
        ((p > procs)) && procs=$p
        sleep 0.1
    done
    wait "$load_pid"
    rtt=$(cat "$tmp/rtt")

    kill -TERM "$server_pid"
    wait "$server_pid" || echo "$model: serve exited with $?" >&2
    server_pid=
    printf '%-10s %14s %14s %10.1f %18s\n' "$model" "$cps" "$rtt" "$(awk "BEGIN {print $rss / 1024}")" "$threads ($procs)"
done
