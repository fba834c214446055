#!/usr/bin/env bash
# The transfer benchmark of docs/BENCHMARKS.md, in one run: our HTTP transfers against the SQL floor and pgbench TPC-B
# on the same PostgreSQL with the same number of clients K; then the framework's ceiling (a bare Vapor hello-world
# under wrk) against our probe and a signed-in read on PostgreSQL and SQLite; and every goal of issue 15, met or not.
#   bash Benchmarks/run-transfer-benchmark.sh [K] [seconds]
# BIZBANK_BENCH_BIN=<folder> uses release builds already there; BIZBANK_BENCH_PERF=<file> records a perf profile of the
# server during the transfers; BIZBANK_WRK_SECONDS (default 10) is the length of each wrk phase.
# Needs PostgreSQL on 127.0.0.1:5432 with role bizbank/bizbank allowed to create databases (.ci/run postgres), and wrk.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
K="${1:-16}"
SECONDS_PER_RUN="${2:-30}"
PORT=8081
HELLO_PORT=8083
WRK_SECONDS="${BIZBANK_WRK_SECONDS:-10}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
export PGPASSWORD=bizbank
PG="postgres://bizbank:bizbank@127.0.0.1:5432"
WORK="$(mktemp -d /tmp/bizbank-bench.XXXXXX)"
SERVER_PID=""
trap '[[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
wait_ready() { for _ in $(seq 1 60); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 1; done; echo "no answer from $1" >&2; exit 1; }
# wrk with 2 threads and 64 connections (issue 15's settings); prints requests/s, and fails on any non-2xx answer
wrk_rps() {
    local out
    out="$(wrk -t 2 -c 64 -d "${WRK_SECONDS}s" "$@")"
    if echo "$out" | grep -q "Non-2xx"; then echo "$out" >&2; echo "wrk saw non-2xx answers for $*" >&2; exit 1; fi
    echo "$out" | awk '/Requests\/sec/ { print $2 }'
}

# CPU time in clock ticks. PostgreSQL: the postmaster, its reaped children (closed connections) and its live
# children; read after a phase's connections have closed, so the phase's backends are all counted.
ticks() { awk '{ print $14 + $15 + ($16 + $17) * ('"${2:-0}"') }' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
    local main total=0 child
    main="$(head -1 "$(ls /var/run/postgresql/*.pid /var/lib/postgresql/*/main/postmaster.pid 2>/dev/null | head -1)")"
    total=$(ticks "$main" 1)
    for child in $(pgrep -P "$main"); do total=$((total + $(ticks "$child"))); done
    echo "$total"
}
HZ="$(getconf CLK_TCK)"
cpu_ms() { python3 -c "print(f'{$1 * 1000 / $HZ / $2:.3f}')"; }

# BIZBANK_BENCH_BIN: a folder with release builds of bizbank and TransferLoad already made (no build).
if [[ -n "${BIZBANK_BENCH_BIN:-}" ]]; then
    BIN="$BIZBANK_BENCH_BIN"
else
    swift build -c release --product bizbank
    swift build -c release --product TransferLoad
    swift build -c release --product HelloWorld
    BIN="$(swift build -c release --show-bin-path)"
fi

for db in bizbank_bench pgbench_bench; do
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $db" && psql "$PG/postgres" -qc "CREATE DATABASE $db"
done

export DATABASE_URL="$PG/bizbank_bench" BIZBANK_DATA_DIR="$WORK" BIZBANK_SESSION_IDLE_SECONDS=3600 BIZBANK_DB_POOL_SIZE=8
"$BIN/bizbank" bench seed --env development --companies "$K" --out "$WORK/seed.json" >/dev/null
"$BIN/bizbank" serve --env development --hostname 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
wait_ready "http://127.0.0.1:$PORT/health/ready"
# the director of the first seeded company: a signed-in read of the company's accounts
COMPANY="$(python3 -c "import json;print(json.load(open('$WORK/seed.json'))['companies'][0]['companyId'])")"
TOKEN="$(python3 -c "import json;print(json.load(open('$WORK/seed.json'))['companies'][0]['directorToken'])")"

echo "== BizBank: $K clients, own-account transfers over HTTP (draft + sign), ${SECONDS_PER_RUN}s"
PG_BEFORE="$(pg_ticks)"; SERVER_BEFORE="$(ticks "$SERVER_PID")"
# BIZBANK_BENCH_PERF=<file>: also record the server's profile during the transfers (perf adds a little CPU of its own)
if [[ -n "${BIZBANK_BENCH_PERF:-}" ]]; then
    perf record -F 499 -g -p "$SERVER_PID" -o "$BIZBANK_BENCH_PERF" -- sleep "$SECONDS_PER_RUN" >/dev/null 2>&1 &
fi
OURS="$(/usr/bin/time -f "%U %S" -o "$WORK/load.time" "$BIN/TransferLoad" --base-url "http://127.0.0.1:$PORT" --seed "$WORK/seed.json" --clients "$K" --seconds "$SECONDS_PER_RUN")"
echo "$OURS"
SERVER_TICKS=$(($(ticks "$SERVER_PID") - SERVER_BEFORE))
OUR_PG_TICKS=$(($(pg_ticks) - PG_BEFORE))  # live backends are counted too, so it can be read before they close
echo "== the probe and a signed-in read on PostgreSQL (wrk -t2 -c64, ${WRK_SECONDS}s each)"
LIVE_PG="$(wrk_rps "http://127.0.0.1:$PORT/health/live")"
ACCOUNTS_PG="$(wrk_rps -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/companies/$COMPANY/accounts")"
SERVER_RSS="$(rss_mb "$SERVER_PID")"
echo "GET /health/live $LIVE_PG req/s; GET /companies/{id}/accounts $ACCOUNTS_PG req/s; resident memory after the load $SERVER_RSS MB"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
LOAD_TICKS="$(awk -v hz="$HZ" '{ printf "%d", ($1 + $2) * hz }' "$WORK/load.time")"
"$BIN/bizbank" ledger verify --env development | tee "$WORK/ledger.out"
LEDGER="$(grep -qi "intact" "$WORK/ledger.out" && echo intact || echo broken)"

echo "== SQL floor: the fewest statements a transfer needs, replayed by pgbench on the same database (no HTTP, no server)"
psql "$PG/bizbank_bench" -q -v ON_ERROR_STOP=1 -f Benchmarks/SQLFloor/clients.sql -f Benchmarks/SQLFloor/procedures.sql 2>/dev/null
# -M extended is the protocol the server's driver speaks (each statement parsed and planned anew); -M prepared is
# the same statements prepared once per connection, the best any client issuing them one by one could do.
floor_tps() { pgbench -M "$2" -n -f "$1" -c "$K" -j 2 -T "$SECONDS_PER_RUN" "$PG/bizbank_bench" 2>/dev/null | grep -E '^tps' | sed -E 's/tps = ([0-9.]+).*/\1/'; }
FLOOR_STATEMENTS="$(floor_tps Benchmarks/SQLFloor/transfer.sql extended)"
echo "one statement a round trip (24 round trips):           $FLOOR_STATEMENTS transfers/s"
PG_BEFORE="$(pg_ticks)"
pgbench -M prepared -n -f Benchmarks/SQLFloor/transfer.sql -c "$K" -j 2 -T "$SECONDS_PER_RUN" "$PG/bizbank_bench" >"$WORK/floor.out" 2>/dev/null
sleep 1
FLOOR_PG_TICKS=$(($(pg_ticks) - PG_BEFORE))
FLOOR_PREPARED="$(grep -E '^tps' "$WORK/floor.out" | sed -E 's/tps = ([0-9.]+).*/\1/')"
FLOOR_N="$(grep -E 'actually processed' "$WORK/floor.out" | sed -E 's/.*processed: ([0-9]+).*/\1/')"
echo "the same statements, prepared once per connection:     $FLOOR_PREPARED transfers/s"
FLOOR_PROCEDURES="$(floor_tps Benchmarks/SQLFloor/transfer-procedures.sql extended)"
echo "one PL/pgSQL call a request (3 round trips):            $FLOOR_PROCEDURES transfers/s"

echo "== pgbench TPC-B: $K clients, ${SECONDS_PER_RUN}s, same server"
pgbench -i -q -s "$K" "$PG/pgbench_bench" >/dev/null 2>&1
PG_BEFORE="$(pg_ticks)"
PGB="$(/usr/bin/time -f "%U %S" -o "$WORK/pgbench.time" pgbench -b tpcb-like -c "$K" -j 2 -T "$SECONDS_PER_RUN" "$PG/pgbench_bench" 2>/dev/null)"
sleep 1
PGB_PG_TICKS=$(($(pg_ticks) - PG_BEFORE))
PGBENCH_TICKS="$(awk -v hz="$HZ" '{ printf "%d", ($1 + $2) * hz }' "$WORK/pgbench.time")"
echo "$PGB" | grep -E "tps|latency average|number of transactions actually processed"
OUR_TPS="$(echo "$OURS" | sed -E 's/.*throughput=([0-9.]+).*/\1/')"
OUR_N="$(echo "$OURS" | sed -E 's/.*transfers=([0-9]+).*/\1/')"
PG_TPS="$(echo "$PGB" | grep -E '^tps' | sed -E 's/tps = ([0-9.]+).*/\1/')"
PG_N="$(echo "$PGB" | grep -E 'actually processed' | sed -E 's/.*processed: ([0-9]+).*/\1/')"
python3 -c "print(f'ratio ours/pgbench = {float(\"$OUR_TPS\")/float(\"$PG_TPS\"):.3f}  (goal >= 0.5)')"
python3 -c "print(f'SQL floor / pgbench: statements {float(\"$FLOOR_STATEMENTS\")/float(\"$PG_TPS\"):.3f}, prepared {float(\"$FLOOR_PREPARED\")/float(\"$PG_TPS\"):.3f}, procedures {float(\"$FLOOR_PROCEDURES\")/float(\"$PG_TPS\"):.3f}')"
python3 -c "print(f'ours / statement floor = {float(\"$OUR_TPS\")/float(\"$FLOOR_STATEMENTS\"):.3f}')"
echo "== CPU per transaction (ms): what limits the ratio"
echo "transfer: server $(cpu_ms "$SERVER_TICKS" "$OUR_N")  postgres $(cpu_ms "$OUR_PG_TICKS" "$OUR_N")  load tool $(cpu_ms "$LOAD_TICKS" "$OUR_N")"
echo "TPC-B:    postgres $(cpu_ms "$PGB_PG_TICKS" "$PG_N")  pgbench $(cpu_ms "$PGBENCH_TICKS" "$PG_N")"
echo "prepared floor: postgres $(cpu_ms "$FLOOR_PG_TICKS" "$FLOOR_N")"
python3 -c "print(f'PostgreSQL-only ceiling (TPC-B postgres CPU / transfer postgres CPU) = {($PGB_PG_TICKS / $PG_N) / max($OUR_PG_TICKS / $OUR_N, 1e-9):.3f}')"

echo "== the probe and a signed-in read on SQLite (one seeded company, the same wrk)"
SQLITE_ENV=(env -u DATABASE_URL BIZBANK_DATA_DIR="$WORK/sqlite" BIZBANK_SESSION_IDLE_SECONDS=3600)
mkdir -p "$WORK/sqlite"
"${SQLITE_ENV[@]}" "$BIN/bizbank" bench seed --env development --companies 1 --out "$WORK/seed-sqlite.json" >/dev/null
"${SQLITE_ENV[@]}" "$BIN/bizbank" serve --env development --hostname 127.0.0.1 --port "$PORT" >"$WORK/server-sqlite.log" 2>&1 &
SERVER_PID=$!
wait_ready "http://127.0.0.1:$PORT/health/ready"
COMPANY="$(python3 -c "import json;print(json.load(open('$WORK/seed-sqlite.json'))['companies'][0]['companyId'])")"
TOKEN="$(python3 -c "import json;print(json.load(open('$WORK/seed-sqlite.json'))['companies'][0]['directorToken'])")"
LIVE_SQLITE="$(wrk_rps "http://127.0.0.1:$PORT/health/live")"
ACCOUNTS_SQLITE="$(wrk_rps -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/companies/$COMPANY/accounts")"
echo "GET /health/live $LIVE_SQLITE req/s; GET /companies/{id}/accounts $ACCOUNTS_SQLITE req/s"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

echo "== the framework's ceiling: a bare Vapor hello-world (Benchmarks/HelloWorld), the same wrk"
"$BIN/HelloWorld" --port "$HELLO_PORT" >"$WORK/hello.log" 2>&1 &
SERVER_PID=$!
wait_ready "http://127.0.0.1:$HELLO_PORT/"
HELLO="$(wrk_rps "http://127.0.0.1:$HELLO_PORT/")"
wrk_rps "http://127.0.0.1:$HELLO_PORT/" >/dev/null  # as many wrk phases as the server had before its memory was read
HELLO_RSS="$(rss_mb "$SERVER_PID")"
echo "GET / $HELLO req/s; resident memory after the load $HELLO_RSS MB"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

# issue 15's goals, each a ratio within this run
CI_SECONDS="${BIZBANK_CI_SECONDS:-$(cat .ci-out/ci-seconds 2>/dev/null || echo "")}"
OUR_P99="$(echo "$OURS" | sed -E 's/.*p99=([0-9.]+)ms.*/\1/')"
OUR_FAILURES="$(echo "$OURS" | sed -E 's/.*failures=([0-9]+).*/\1/')"
echo "== issue 15's goals"
python3 - <<PY
def goal(name, value, target, met):
    print(f"{name:<58} {value:>12}   goal {target:<22} {'met' if met else 'NOT MET'}")
ours, floor = float("$OUR_TPS"), float("$FLOOR_PREPARED")
goal("transfers/s / prepared floor", f"{ours / floor:.3f}", ">= 0.6", ours / floor >= 0.6)
goal("transfer failures", "$OUR_FAILURES", "0", int("$OUR_FAILURES") == 0)
goal("ledger verify", "$LEDGER", "intact", "$LEDGER" == "intact")
goal("p99 of a transfer (ms)", "$OUR_P99", "<= 100", float("$OUR_P99") <= 100)
server = $SERVER_TICKS * 1000 / $HZ / $OUR_N
goal("server CPU per transfer (ms)", f"{server:.2f}", "<= 2", server <= 2)
pg_ours, pg_floor = $OUR_PG_TICKS / $OUR_N, $FLOOR_PG_TICKS / $FLOOR_N
goal("PostgreSQL CPU per transfer / the prepared floor's", f"{pg_ours / pg_floor:.2f}", "<= 1.3", pg_ours / pg_floor <= 1.3)
hello = float("$HELLO")
for name, value, target in [("GET /health/live on PostgreSQL / hello-world", "$LIVE_PG", 0.8),
                            ("GET /health/live on SQLite / hello-world", "$LIVE_SQLITE", 0.8),
                            ("signed-in GET accounts on SQLite / hello-world", "$ACCOUNTS_SQLITE", 0.3),
                            ("signed-in GET accounts on PostgreSQL / hello-world", "$ACCOUNTS_PG", 0.2)]:
    goal(name, f"{float(value) / hello:.3f}", f">= {target}", float(value) / hello >= target)
rss, hello_rss = float("$SERVER_RSS"), float("$HELLO_RSS")
goal("resident memory after the load / hello-world's", f"{rss / hello_rss:.2f}", "<= 1.5", rss / hello_rss <= 1.5)
ci = "$CI_SECONDS"
if ci:
    goal(".ci/run on a fresh clone (minutes, from .ci-out/ci-seconds)", f"{int(ci) / 60:.1f}", "<= 30", int(ci) <= 1800)
else:
    print(f"{'.ci/run on a fresh clone':<58} {'unknown':>12}   goal <= 30 min              (run .ci/run first)")
PY
