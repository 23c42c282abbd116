#!/usr/bin/env bash
# The relay's throughput (not a test: nothing here runs under ctest). Bulk
# TCP over loopback, one stream, into `sockwb serve --service discard`:
# direct, through `sockwb relay` (no fault) and through socat as a plain
# relay (`socat TCP-LISTEN:P,reuseaddr,fork TCP:127.0.0.1:Q`), the three
# alternating (the order turns every round), each the median of RUNS runs.
# `sockwb load --bulk` drives every side. Targets: relay >= 0.8x direct,
# relay >= 1.0x socat. Without socat that row says so.
#
# Usage: tests/bench/relay_bench.sh [--build DIR] [--runs N] [--secs S] [--rows]
#   --build DIR  build folder with bin/sockwb (default: $SOCKWB_BUILD, else build/)
#   --runs N     runs per side (default 3)
#   --secs S     seconds per run (default 3)
#   --rows       print tests/bench/run's rows (name|ours|reference|ratio|target|note)
#                instead of the table
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${SOCKWB_BUILD:-$root/build}
runs=3
secs=3
rows=0
while [[ $# -gt 0 ]]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --secs) secs=$2; shift 2 ;;
    --rows) rows=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "relay_bench: unknown option $1" >&2; exit 2 ;;
    esac
done
sockwb=$build/bin/sockwb
[[ -x $sockwb ]] || { echo "relay_bench: $sockwb not built (cmake --build $build --target sockwb)" >&2; exit 2; }

tmp=$(mktemp -d /tmp/sockwb-relay-bench.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { echo "[relay bench] $*" >&2; }

# Waits (5 s at most) for a line matching $2 in file $1; prints its port.
port_from() {
    local p
    for _ in $(seq 50); do
        p=$(grep -m1 -oE "$2" "$1" 2>/dev/null | grep -oE '[0-9]+$')
        [[ -n $p ]] && { echo "$p"; return 0; }
        sleep 0.1
    done
    return 1
}
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b+0 > 0 && a+0 >= 0) printf "%.2f", a/b; else print "n/a"}'; }
okmark() { awk -v r="$1" -v t="$2" 'BEGIN {if (r == "n/a") print "-"; else if (r+0 >= t+0) print "yes"; else print "NO"}'; }
gbs() { awk -v v="$1" 'BEGIN {if (v == "" || v == "nan") print "n/a"; else printf "%.2f GB/s", v/1e9}'; }

# bytes/s of one bulk run into 127.0.0.1:$1
bulk() {
    timeout $((secs + 30)) "$sockwb" load "tcp://127.0.0.1:$1" --bulk --connections 1 \
        --duration "$secs" --json 2>/dev/null |
        sed -n 's/.*"bytes_per_sec":\([0-9.]*\).*/\1/p' | head -1 | grep . || echo 0
}

"$sockwb" serve --service discard --model epoll --port 0 >"$tmp/serve" 2>&1 &
pids+=($!)
disc=$(port_from "$tmp/serve" 'listening tcp [^ ]*:[0-9]+') || { log "discard did not start"; exit 1; }

"$sockwb" relay --to "127.0.0.1:$disc" </dev/null >"$tmp/relay" 2>&1 &
relay_pid=$!
pids+=($relay_pid)
relay=$(port_from "$tmp/relay" 'relaying [^ ]*:[0-9]+') || { log "relay did not start: $(cat "$tmp/relay")"; exit 1; }

socat_port=
if command -v socat >/dev/null; then
    socat_port=$(free_port)
    socat "TCP-LISTEN:$socat_port,bind=127.0.0.1,reuseaddr,fork" "TCP:127.0.0.1:$disc" 2>/dev/null &
    socat_pid=$!
    pids+=($socat_pid)
    for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$socat_port") 2>/dev/null && break; sleep 0.1; done
else
    log "socat is missing (apt-get install socat): the socat row is skipped"
fi

sides=(direct relay)
[[ -n $socat_port ]] && sides+=(socat)
declare -A port=([direct]=$disc [relay]=$relay [socat]=$socat_port)
declare -A got=()
for ((i = 0; i < runs; i++)); do
    # The order turns every round: the load of a shared machine drifts.
    n=${#sides[@]}
    for ((k = 0; k < n; k++)); do
        side=${sides[$(((i + k) % n))]}
        v=$(bulk "${port[$side]}")
        got[$side]="${got[$side]:-} $v"
    done
done
declare -A med=()
for side in "${sides[@]}"; do
    med[$side]=$(printf '%s\n' ${got[$side]} | median)
    log "$side:${got[$side]} (bytes/s) -> median ${med[$side]}"
done

r_direct=$(ratio "${med[relay]}" "${med[direct]}")
r_socat=n/a
[[ -n $socat_port ]] && r_socat=$(ratio "${med[relay]}" "${med[socat]}")
# The relay's CPU per GB relayed (user + system, every run): on a shared
# machine throughput follows whatever else runs, this much less.
cpu_per_gb() {  # ticks side
    printf '%s\n' ${got[$2]} | awk -v t="${1:-0}" -v hz="$(getconf CLK_TCK)" -v s="$secs" \
        '{b += $1 * s} END {if (b > 0 && t > 0) printf "%.2f s/GB", t / hz / (b / 1e9); else print "n/a"}'
}
relay_cpu=$(cpu_per_gb "$(awk '{print $14 + $15}' "/proc/$relay_pid/stat" 2>/dev/null)" relay)
# socat forks a child per connection: the parent's reaped children count too.
socat_cpu=n/a
[[ -n $socat_port ]] && socat_cpu=$(cpu_per_gb "$(awk '{print $14 + $15 + $16 + $17}' "/proc/$socat_pid/stat" 2>/dev/null)" socat)

if ((rows)); then
    echo "8. relay bulk TCP vs direct|$(gbs "${med[relay]}")|$(gbs "${med[direct]}")|$r_direct|0.8|sockwb relay (no fault) -> discard vs straight to discard; sockwb load --bulk -c1; relay CPU $relay_cpu"
    if [[ -n $socat_port ]]; then
        echo "8b. relay bulk TCP vs socat|$(gbs "${med[relay]}")|$(gbs "${med[socat]}")|$r_socat|1.0|sockwb relay vs socat TCP-LISTEN,fork TCP (both -> discard); CPU per GB: relay $relay_cpu, socat $socat_cpu"
    else
        echo "8b. relay bulk TCP vs socat|n/a|n/a|n/a|1.0|socat missing"
    fi
    exit 0
fi
echo
echo "relay throughput — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg), $runs runs of ${secs}s per side (median), 1 stream, loopback"
printf '%-28s | %-10s | %s\n' side throughput "relay / side (target, met)"
printf '%-28s | %-10s | %s\n' "direct (load -> discard)" "$(gbs "${med[direct]}")" "$r_direct (0.8, $(okmark "$r_direct" 0.8))"
printf '%-28s | %-10s | %s\n' "sockwb relay" "$(gbs "${med[relay]}")" "-"
if [[ -n $socat_port ]]; then
    printf '%-28s | %-10s | %s\n' "socat (fork)" "$(gbs "${med[socat]}")" "$r_socat (1.0, $(okmark "$r_socat" 1.0))"
else
    printf '%-28s | %-10s | %s\n' "socat" "n/a" "socat missing"
fi
echo "CPU (user + system) per GB relayed: sockwb relay $relay_cpu, socat $socat_cpu"
