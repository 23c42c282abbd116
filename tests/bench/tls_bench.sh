#!/usr/bin/env bash
# TLS throughput side by side (not a test: nothing here runs under ctest).
# One EC P-256 certificate made here with openssl, TLS 1.3 only and the one
# cipher TLS_AES_128_GCM_SHA256 on both servers (nginx: ssl_protocols and
# ssl_conf_command; sockwb serve: an OPENSSL_CONF whose system_default
# section says the same, which every OpenSSL 3 program reads; nginx gets it
# too). Three rows, each side the median of RUNS runs, the sides alternating
# (the order flips every round: a shared machine's load drifts):
#   1. HTTP keep-alive over TLS: `sockwb serve --service http --model epoll
#      --tls` vs nginx (1 worker), loaded by wrk -t1 -c64 https://. Target 1.0.
#   2. A new TLS connection per request (full handshakes/s, no resumption):
#      the same two servers, loaded by `sockwb load --no-resume
#      --no-keepalive` (Connection: close) -t1 -c64. Target 0.9.
#   3. `sockwb load https://` vs `wrk https://` on the same nginx, keep-alive,
#      -t1 -c64. Target 0.9.
#
# Usage: tests/bench/tls_bench.sh [--build DIR] [--runs N] [--secs S] [--only LIST] [--rows]
#   --build DIR  build folder with bin/sockwb (default: $SOCKWB_BUILD, else build/)
#   --runs N     runs per side (default 3)
#   --secs S     seconds per run (default 3)
#   --only LIST  rows to run, e.g. --only 1,3 (default 1,2,3)
#   --rows       print tests/bench/run's rows (name|ours|reference|ratio|target|note)
#                instead of the table
# Needs openssl, nginx (nginx-light has TLS), wrk, curl. Loopback only, free
# ports only, every process it starts is killed on exit.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${SOCKWB_BUILD:-$root/build}
runs=3
secs=3
only=1,2,3
rows=0
while [[ $# -gt 0 ]]; do
    case $1 in
    --build) build=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --secs) secs=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --rows) rows=1; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "tls_bench: unknown option $1" >&2; exit 2 ;;
    esac
done
sockwb=$build/bin/sockwb
[[ -x $sockwb ]] || { echo "tls_bench: $sockwb not built (cmake --build $build --target sockwb)" >&2; exit 2; }
want() { [[ ",$only," == *",$1,"* ]]; }

tmp=$(mktemp -d /tmp/sockwb-tls-bench.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { echo "[tls bench] $*" >&2; }

out_rows=()
row() { out_rows+=("$1|$2|$3|$4|$5|$6"); }  # name ours reference ratio target note
finish() {
    if ((rows)); then
        printf '%s\n' "${out_rows[@]}"
        exit 0
    fi
    echo
    echo "TLS throughput — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg), $runs runs of ${secs}s per side (median), loopback, TLS 1.3 TLS_AES_128_GCM_SHA256, EC P-256"
    printf '%-44s | %-14s | %-14s | %-5s | %-6s | %-3s | %s\n' benchmark ours reference ratio target ok note
    printf '%s\n' "$(printf '%.0s-' {1..130})"
    local r a b c d e f
    for r in "${out_rows[@]}"; do
        IFS='|' read -r a b c d e f <<<"$r"
        printf '%-44s | %-14s | %-14s | %-5s | %-6s | %-3s | %s\n' "$a" "$b" "$c" "$d" "$e" "$(okmark "$d" "$e")" "$f"
    done
    exit 0
}

missing=()
for t in openssl nginx wrk curl; do command -v "$t" >/dev/null || missing+=("$t"); done
if [[ ${#missing[@]} -gt 0 ]]; then
    row "1-3. TLS rows" n/a n/a n/a "" "missing: ${missing[*]} (apt-get install openssl nginx-light wrk curl)"
    finish
fi

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b+0 > 0 && a+0 >= 0) printf "%.2f", a/b; else print "n/a"}'; }
okmark() { awk -v r="$1" -v t="$2" 'BEGIN {if (r == "n/a" || t == "") print "-"; else if (r+0 >= t+0) print "yes"; else print "NO"}'; }
num() { awk -v v="$1" 'BEGIN {if (v == "" || v == "nan") print "n/a"; else if (v >= 1e6) printf "%.2fM", v/1e6; else if (v >= 1e4) printf "%.1fk", v/1e3; else printf "%.0f", v}'; }
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_port() {  # waits until something accepts on 127.0.0.1:$1
    for _ in $(seq 50); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}
stop_pid() {
    kill -TERM "$1" 2>/dev/null
    for _ in $(seq 30); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null
    wait "$1" 2>/dev/null
}
clk_tck=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# ---------------------------------------------------------------- the certificate and the policy
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
    -keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1 ||
    { row "1-3. TLS rows" n/a n/a n/a "" "openssl could not make the certificate"; finish; }
cat >"$tmp/openssl.cnf" <<EOF
openssl_conf = bench_conf
[bench_conf]
ssl_conf = bench_ssl
[bench_ssl]
system_default = bench_tls
[bench_tls]
MinProtocol = TLSv1.3
MaxProtocol = TLSv1.3
Ciphersuites = TLS_AES_128_GCM_SHA256
EOF
export OPENSSL_CONF=$tmp/openssl.cnf

# ---------------------------------------------------------------- the two servers
"$sockwb" serve --service http --model epoll --tls --cert "$tmp/cert.pem" --key "$tmp/key.pem" \
    --port 0 >"$tmp/serve" 2>"$tmp/serve.err" &
srv_pid=$!
pids+=("$srv_pid")
srv_port=
for _ in $(seq 50); do
    srv_port=$(grep -m1 -o 'listening [a-z]* [^ ]*:[0-9]*' "$tmp/serve" 2>/dev/null | sed 's/.*://')
    [[ -n $srv_port ]] && break
    kill -0 "$srv_pid" 2>/dev/null || break
    sleep 0.1
done
if [[ -z $srv_port ]]; then
    log "sockwb serve --tls did not start: $(cat "$tmp/serve.err")"
    srv_pid=
fi
ours="https://127.0.0.1:$srv_port/"

len=64
if [[ -n $srv_pid ]]; then
    len=$(curl -sk -o /dev/null -w '%{size_download}' "$ours")
    cipher=$(openssl s_client -connect "127.0.0.1:$srv_port" </dev/null 2>/dev/null | sed -n 's/.*Cipher is //p' | head -1)
    log "sockwb serve --tls: hello page $len bytes, cipher $cipher"
fi
ng_port=$(free_port)
body=$(head -c $((len > 1 ? len - 1 : 1)) /dev/zero | tr '\0' 'x')
mkdir -p "$tmp/ng"
cat >"$tmp/ng/nginx.conf" <<EOF
worker_processes 1;
daemon off;
master_process off;
pid $tmp/ng/nginx.pid;
error_log $tmp/ng/error.log crit;
events { worker_connections 20000; }
http {
  access_log off;
  client_body_temp_path $tmp/ng; proxy_temp_path $tmp/ng; fastcgi_temp_path $tmp/ng;
  uwsgi_temp_path $tmp/ng; scgi_temp_path $tmp/ng;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$ng_port ssl;
    ssl_certificate $tmp/cert.pem;
    ssl_certificate_key $tmp/key.pem;
    ssl_protocols TLSv1.3;
    ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256;
    location / { default_type text/html; return 200 "$body\n"; }
  }
}
EOF
nginx -c "$tmp/ng/nginx.conf" -p "$tmp/ng" 2>"$tmp/ng/stderr" &
ng_pid=$!
pids+=("$ng_pid")
if ! wait_port "$ng_port"; then
    log "nginx did not start: $(cat "$tmp/ng/stderr")"
    row "1-3. TLS rows" n/a n/a n/a "" "nginx with TLS did not start"
    finish
fi
ng="https://127.0.0.1:$ng_port/"
ng_cipher=$(openssl s_client -connect "127.0.0.1:$ng_port" </dev/null 2>/dev/null | sed -n 's/.*Cipher is //p' | head -1)
log "nginx: cipher $ng_cipher"

# ---------------------------------------------------------------- the load tools
# wrk requests/s (0 when it failed) and the server's CPU time per request
# (user + system, microseconds) appended to $tmp/cpu.TAG.
wrk_cpu() {  # pid tag url
    local pid=$1 tag=$2 url=$3 c0 c1 out
    c0=$(cpu_ticks "$pid")
    out=$(timeout $((secs + 15)) wrk -t1 -c64 -d"${secs}s" --timeout 2s "$url" 2>/dev/null)
    c1=$(cpu_ticks "$pid")
    awk -v a="$c0" -v b="$c1" -v hz="$clk_tck" '/ requests in / {n = $1} END {if (n > 0) printf "%.1f\n", (b - a) / hz * 1e6 / n}' \
        <<<"$out" >>"$tmp/cpu.$tag"
    awk '/^Requests\/sec:/ {print $2; found=1} END {if (!found) print 0}' <<<"$out"
}
# sockwb load --json: one top-level field (0 when it failed); CPU as wrk_cpu.
load_cpu() {  # pid tag field url [load args...]
    local pid=$1 tag=$2 field=$3 url=$4 c0 c1 out n
    shift 4
    c0=$(cpu_ticks "$pid")
    out=$(timeout $((secs + 30)) "$sockwb" load "$url" -k --threads 1 --connections 64 \
        --duration "$secs" --json "$@" 2>/dev/null)
    c1=$(cpu_ticks "$pid")
    n=$(sed -n 's/.*"requests":\([0-9]*\).*/\1/p' <<<"$out" | head -1)
    awk -v a="$c0" -v b="$c1" -v hz="$clk_tck" -v n="${n:-0}" 'BEGIN {if (n > 0) printf "%.1f\n", (b - a) / hz * 1e6 / n}' \
        >>"$tmp/cpu.$tag"
    sed -n "s/.*\"$field\":\([0-9.]*\).*/\1/p" <<<"$out" | head -1 | grep . || echo 0
}
cpu_note() {  # tagA tagB labelA labelB
    local a b
    a=$(median <"$tmp/cpu.$1" 2>/dev/null); b=$(median <"$tmp/cpu.$2" 2>/dev/null)
    rm -f "$tmp/cpu.$1" "$tmp/cpu.$2"
    echo "CPU/request: $3 ${a:-n/a} us, $4 ${b:-n/a} us"
}
alternate() {  # cmdA cmdB (strings run with eval, each printing one number): med_a, med_b
    local a=() b=() i
    for ((i = 0; i < runs; i++)); do
        if ((i % 2 == 0)); then
            a+=("$(eval "$1")")
            b+=("$(eval "$2")")
        else
            b+=("$(eval "$2")")
            a+=("$(eval "$1")")
        fi
    done
    med_a=$(printf '%s\n' "${a[@]}" | median)
    med_b=$(printf '%s\n' "${b[@]}" | median)
    log "  A: ${a[*]} | B: ${b[*]}"
}

# ---------------------------------------------------------------- 1 and 2: the servers
if [[ -z $srv_pid ]]; then
    (want 1 || want 2) && row "1-2. TLS server rows" n/a n/a n/a "" "sockwb serve --tls did not start"
else
    if want 1; then
        log "1. HTTP keep-alive over TLS, epoll vs nginx, wrk -t1 -c64"
        alternate "wrk_cpu $srv_pid a $ours" "wrk_cpu $ng_pid b $ng"
        row "1. HTTPS keep-alive wrk -t1 -c64: epoll" "$(num "$med_a") req/s" "$(num "$med_b") req/s" \
            "$(ratio "$med_a" "$med_b")" 1.0 "vs nginx; server $(cpu_note a b ours nginx)"
    fi
    if want 2; then
        log "2. a new TLS connection per request (full handshakes), epoll vs nginx"
        alternate "load_cpu $srv_pid a handshakes_per_sec $ours --no-resume --no-keepalive" \
                  "load_cpu $ng_pid b handshakes_per_sec $ng --no-resume --no-keepalive"
        row "2. TLS full handshakes/s: epoll" "$(num "$med_a")/s" "$(num "$med_b")/s" \
            "$(ratio "$med_a" "$med_b")" 0.9 "sockwb load --no-resume --no-keepalive -c64, vs nginx; server $(cpu_note a b ours nginx)"
    fi
fi

# ---------------------------------------------------------------- 3: the load generators
if want 3; then
    log "3. sockwb load https:// vs wrk https:// on nginx, -t1 -c64"
    alternate "load_cpu $ng_pid a requests_per_sec $ng" "wrk_cpu $ng_pid b $ng"
    row "3. HTTPS load generator on nginx -t1 -c64" "$(num "$med_a") req/s" "$(num "$med_b") req/s" \
        "$(ratio "$med_a" "$med_b")" 0.9 "sockwb load vs wrk; nginx $(cpu_note a b 'under load' 'under wrk')"
fi
finish
