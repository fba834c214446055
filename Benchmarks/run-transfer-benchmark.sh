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

swift build -c release --product bizbank
swift build -c release --product TransferLoad
BIN="$(swift build -c release --show-bin-path)"

for db in bizbank_bench pgbench_bench; do
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $db" && psql "$PG/postgres" -qc "CREATE DATABASE $db"
done

export DATABASE_URL="$PG/bizbank_bench" BIZBANK_DATA_DIR="$WORK" BIZBANK_SESSION_IDLE_SECONDS=3600 BIZBANK_DB_POOL_SIZE=8
"$BIN/bizbank" bench seed --companies "$K" --out "$WORK/seed.json" >/dev/null
"$BIN/bizbank" serve --env development --hostname 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && break; sleep 1; done

echo "== BizBank: $K clients, own-account transfers over HTTP (draft + sign), ${SECONDS_PER_RUN}s"
OURS="$("$BIN/TransferLoad" --base-url "http://127.0.0.1:$PORT" --seed "$WORK/seed.json" --clients "$K" --seconds "$SECONDS_PER_RUN")"
echo "$OURS"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
"$BIN/bizbank" ledger verify

echo "== pgbench TPC-B: $K clients, ${SECONDS_PER_RUN}s, same server"
pgbench -i -q -s "$K" "$PG/pgbench_bench" >/dev/null 2>&1
PGB="$(pgbench -b tpcb-like -c "$K" -j 2 -T "$SECONDS_PER_RUN" "$PG/pgbench_bench" 2>/dev/null)"
echo "$PGB" | grep -E "tps|latency average"
OUR_TPS="$(echo "$OURS" | sed -E 's/.*throughput=([0-9.]+).*/\1/')"
PG_TPS="$(echo "$PGB" | grep -E '^tps' | sed -E 's/tps = ([0-9.]+).*/\1/')"
python3 -c "print(f'ratio ours/pgbench = {float(\"$OUR_TPS\")/float(\"$PG_TPS\"):.3f}  (goal >= 0.5)')"
