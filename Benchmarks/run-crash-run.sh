#!/usr/bin/env bash
# The crash run of docs/BENCHMARKS.md (issue 10): K clients transfer money over HTTP with Idempotency-Keys while the
# server is killed with SIGKILL and restarted under them (at 1/3 and 2/3 of the run); then the database is held
# against what the clients were told, and `bizbank ledger verify` and `bizbank audit verify` must both be clean.
#   bash Benchmarks/run-crash-run.sh [K] [seconds] [kills: 1 or 2]
# Needs PostgreSQL on 127.0.0.1:5432 with role bizbank/bizbank allowed to create databases (.ci/run postgres).
# Exits non-zero when any invariant fails; the run's folder (server logs, id lists) is then kept.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
K="${1:-8}"
RUN_SECONDS="${2:-60}"
KILLS="${3:-2}"
PORT="${BIZBANK_CRASH_PORT:-8082}"
DB=bizbank_crash
SCRATCH=/work/.build-crash
export PGPASSWORD=bizbank
PG="postgres://bizbank:bizbank@127.0.0.1:5432"
WORK="$(mktemp -d /tmp/bizbank-crash.XXXXXX)"
SERVER_PID=""
LOAD_PID=""
KEEP=0
cleanup() {
    [[ -n "$LOAD_PID" ]] && kill "$LOAD_PID" 2>/dev/null
    [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null
    if [[ "$KEEP" == 1 ]]; then echo "run folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# BIZBANK_BENCH_BIN: a folder with release builds of bizbank and CrashLoad already made (no build).
if [[ -n "${BIZBANK_BENCH_BIN:-}" ]]; then
    BIN="$BIZBANK_BENCH_BIN"
else
    swift build -c release --scratch-path "$SCRATCH" --product bizbank
    swift build -c release --scratch-path "$SCRATCH" --product CrashLoad
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
fi

psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" && psql "$PG/postgres" -qc "CREATE DATABASE $DB"
export DATABASE_URL="$PG/$DB" BIZBANK_DATA_DIR="$WORK" BIZBANK_SESSION_IDLE_SECONDS=3600 BIZBANK_DB_POOL_SIZE=8
"$BIN/bizbank" bench seed --env development --companies "$K" --out "$WORK/seed.json" >/dev/null

STARTS=0
start_server() {
    STARTS=$((STARTS + 1))
    "$BIN/bizbank" serve --env development --hostname 127.0.0.1 --port "$PORT" >"$WORK/server-$STARTS.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && return 0
        sleep 0.5
    done
    echo "server start $STARTS not ready after 60 s" >&2
    return 1
}
kill_server() {
    echo "$(date +%T) kill -9 server (pid $SERVER_PID)"
    kill -9 "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    sleep 2
    start_server
    echo "$(date +%T) server restarted (pid $SERVER_PID)"
}

start_server
echo "== Crash run: $K clients, own-account transfers (draft + sign, Idempotency-Key on each), ${RUN_SECONDS}s, $KILLS kill(s)"
"$BIN/CrashLoad" --base-url "http://127.0.0.1:$PORT" --seed "$WORK/seed.json" --clients "$K" --seconds "$RUN_SECONDS" \
    --out "$WORK/load" >"$WORK/load.out" 2>&1 &
LOAD_PID=$!
STEP=$((RUN_SECONDS / (KILLS + 1)))
for _ in $(seq 1 "$KILLS"); do
    sleep "$STEP"
    kill_server
done
LOAD_RC=0
wait "$LOAD_PID" || LOAD_RC=$?
LOAD_PID=""
cat "$WORK/load.out"
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""

# What the clients were told, next to what the database holds.
psql "$PG/$DB" -q -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE crash_acknowledged (id uuid PRIMARY KEY);
CREATE TABLE crash_drafts (id uuid PRIMARY KEY);
\copy crash_acknowledged FROM '$WORK/load.acknowledged'
\copy crash_drafts FROM '$WORK/load.drafts'
SQL
q() { psql "$PG/$DB" -At -v ON_ERROR_STOP=1 -c "$1"; }
ACKNOWLEDGED="$(q "SELECT count(*) FROM crash_acknowledged")"
EXECUTED="$(q "SELECT count(*) FROM payment_orders WHERE status = 'executed'")"
ACK_MISSING="$(q "SELECT count(*) FROM crash_acknowledged a LEFT JOIN payment_orders p ON p.id = a.id
    WHERE p.status IS DISTINCT FROM 'executed'")"
UNACKNOWLEDGED="$(q "SELECT count(*) FROM payment_orders p WHERE status = 'executed'
    AND NOT EXISTS (SELECT 1 FROM crash_acknowledged a WHERE a.id = p.id)")"
TWICE="$(q "SELECT count(*) FROM (SELECT reference FROM ledger_transactions WHERE reference LIKE 'payment:%'
    GROUP BY reference HAVING count(*) > 1) t")"
UNBOOKED="$(q "SELECT count(*) FROM payment_orders p WHERE status = 'executed' AND NOT EXISTS
    (SELECT 1 FROM ledger_transactions t WHERE t.reference = 'payment:' || upper(p.id::text) AND t.id = p.ledger_transaction_id)")"
STRAY="$(q "SELECT count(*) FROM ledger_transactions t WHERE reference LIKE 'payment:%' AND NOT EXISTS
    (SELECT 1 FROM payment_orders p WHERE p.id = substring(t.reference FROM 9)::uuid AND p.status = 'executed')")"
DOUBLE_SIGNED="$(q "SELECT count(*) FROM (SELECT order_id FROM payment_signatures GROUP BY order_id, slot, content_hash
    HAVING count(*) > 1) s")"
STUCK="$(q "SELECT count(*) FROM idempotency_keys WHERE state <> 'completed' OR response_status IS NULL")"
GHOST_DRAFTS="$(q "SELECT count(*) FROM payment_orders p WHERE NOT EXISTS (SELECT 1 FROM crash_drafts d WHERE d.id = p.id)")"
ANSWERS="$(q "SELECT coalesce(string_agg(response_status || ':' || n, ' ' ORDER BY response_status), '') FROM
    (SELECT response_status, count(*) n FROM idempotency_keys GROUP BY response_status) s")"
STATUSES="$(q "SELECT string_agg(status || ':' || n, ' ' ORDER BY status) FROM (SELECT status, count(*) n FROM payment_orders GROUP BY status) s")"

LEDGER_RC=0
AUDIT_RC=0
LEDGER="$("$BIN/bizbank" ledger verify --env development 2>&1)" || LEDGER_RC=$?
AUDIT="$("$BIN/bizbank" audit verify --env development 2>&1)" || AUDIT_RC=$?

echo "== Against the database"
echo "server starts:                          $STARTS ($KILLS SIGKILL)"
echo "transfers acknowledged (client):        $ACKNOWLEDGED"
echo "payment orders executed (database):     $EXECUTED"
echo "acknowledged but not executed:          $ACK_MISSING"
echo "executed but never acknowledged:        $UNACKNOWLEDGED"
echo "payments booked more than once:         $TWICE"
echo "executed without their ledger booking:  $UNBOOKED"
echo "payment bookings of no executed order:  $STRAY"
echo "signature slots filled twice:           $DOUBLE_SIGNED"
echo "stuck idempotency keys:                 $STUCK"
echo "drafts the client was never answered:   $GHOST_DRAFTS (never signed: no money moves)"
echo "payment orders by status:               $STATUSES"
echo "stored idempotent answers by status:    $ANSWERS"
echo "ledger verify: $LEDGER"
echo "audit verify:  $AUDIT"

FAILED=0
check() { if [[ "$2" != "$3" ]]; then echo "FAIL: $1 = $2 (want $3)"; FAILED=1; fi; }
check "load tool exit" "$LOAD_RC" 0
check "acknowledged but not executed" "$ACK_MISSING" 0
check "executed but never acknowledged" "$UNACKNOWLEDGED" 0
check "executed = acknowledged" "$EXECUTED" "$ACKNOWLEDGED"
check "payments booked more than once" "$TWICE" 0
check "executed without their ledger booking" "$UNBOOKED" 0
check "payment bookings of no executed order" "$STRAY" 0
check "signature slots filled twice" "$DOUBLE_SIGNED" 0
check "stuck idempotency keys" "$STUCK" 0
check "ledger verify exit" "$LEDGER_RC" 0
check "audit verify exit" "$AUDIT_RC" 0
[[ "$ACKNOWLEDGED" -gt 0 ]] || { echo "FAIL: no transfer acknowledged"; FAILED=1; }
if [[ "$FAILED" == 0 ]]; then
    echo "crash run clean"
else
    KEEP=1
    exit 1
fi
