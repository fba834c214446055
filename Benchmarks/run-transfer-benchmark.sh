#!/usr/bin/env bash
# The transfer benchmark of docs/BENCHMARKS.md, in one run: our HTTP transfers against pgbench TPC-B
# on the same PostgreSQL with the same number of clients K, and their ratio.
#   bash Benchmarks/run-transfer-benchmark.sh [K] [seconds]
# Needs PostgreSQL on 127.0.0.1:5432 with role bizbank/bizbank allowed to create databases (.ci/run postgres).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
K="${1:-16}"
SECONDS_PER_RUN="${2:-30}"
PORT=8081
export PGPASSWORD=bizbank
PG="postgres://bizbank:bizbank@127.0.0.1:5432"
WORK="$(mktemp -d /tmp/bizbank-bench.XXXXXX)"
SERVER_PID=""
trap '[[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

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
    BIN="$(swift build -c release --show-bin-path)"
fi

for db in bizbank_bench pgbench_bench; do
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $db" && psql "$PG/postgres" -qc "CREATE DATABASE $db"
done

export DATABASE_URL="$PG/bizbank_bench" BIZBANK_DATA_DIR="$WORK" BIZBANK_SESSION_IDLE_SECONDS=3600 BIZBANK_DB_POOL_SIZE=8
"$BIN/bizbank" bench seed --env development --companies "$K" --out "$WORK/seed.json" >/dev/null
"$BIN/bizbank" serve --env development --hostname 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && break; sleep 1; done

echo "== BizBank: $K clients, own-account transfers over HTTP (draft + sign), ${SECONDS_PER_RUN}s"
PG_BEFORE="$(pg_ticks)"; SERVER_BEFORE="$(ticks "$SERVER_PID")"
OURS="$(/usr/bin/time -f "%U %S" -o "$WORK/load.time" "$BIN/TransferLoad" --base-url "http://127.0.0.1:$PORT" --seed "$WORK/seed.json" --clients "$K" --seconds "$SECONDS_PER_RUN")"
echo "$OURS"
SERVER_TICKS=$(($(ticks "$SERVER_PID") - SERVER_BEFORE))
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
sleep 1
OUR_PG_TICKS=$(($(pg_ticks) - PG_BEFORE))
LOAD_TICKS="$(awk -v hz="$HZ" '{ printf "%d", ($1 + $2) * hz }' "$WORK/load.time")"
"$BIN/bizbank" ledger verify --env development

echo "== SQL floor: the fewest statements a transfer needs, replayed by pgbench on the same database (no HTTP, no server)"
psql "$PG/bizbank_bench" -q -v ON_ERROR_STOP=1 -f Benchmarks/SQLFloor/clients.sql -f Benchmarks/SQLFloor/procedures.sql 2>/dev/null
# -M extended is the protocol the server's driver speaks (each statement parsed and planned anew); -M prepared is
# the same statements prepared once per connection, the best any client issuing them one by one could do.
floor_tps() { pgbench -M "$2" -n -f "$1" -c "$K" -j 2 -T "$SECONDS_PER_RUN" "$PG/bizbank_bench" 2>/dev/null | grep -E '^tps' | sed -E 's/tps = ([0-9.]+).*/\1/'; }
FLOOR_STATEMENTS="$(floor_tps Benchmarks/SQLFloor/transfer.sql extended)"
echo "one statement a round trip (24 round trips):           $FLOOR_STATEMENTS transfers/s"
FLOOR_PREPARED="$(floor_tps Benchmarks/SQLFloor/transfer.sql prepared)"
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
python3 -c "print(f'PostgreSQL-only ceiling (TPC-B postgres CPU / transfer postgres CPU) = {($PGB_PG_TICKS / $PG_N) / max($OUR_PG_TICKS / $OUR_N, 1e-9):.3f}')"
