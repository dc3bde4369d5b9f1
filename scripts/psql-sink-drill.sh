#!/usr/bin/env bash
# The PostgreSQL event sink drill (issue 16, docs/event-sink.md): a node
# whose transactions and events go to a real PostgreSQL database instead of
# its own key-value index, queried with SQL.
#
# It creates a PostgreSQL cluster in a temporary directory (on 127.0.0.1,
# port PGPORT), installs CometBFT's schema for the sink (from the CometBFT
# source agorad is built with), creates a devnet whose config.toml sets
# [tx_index] indexer = "psql", sends a bank transfer, and finds the transfer
# in the database by its recipient. It prints each step, the SQL and what the
# database answered, and fails if the transfer is not there.
#
#   scripts/psql-sink-drill.sh
#   AGORAD_BIN=/tmp/agorad BASE=36800 PGPORT=36850 scripts/psql-sink-drill.sh
#
# Needs PostgreSQL's programs (initdb, pg_ctl, psql; Debian: apt-get install
# postgresql, then PATH=/usr/lib/postgresql/15/bin:$PATH). Run as root, it
# runs the database server as the postgres user, as PostgreSQL requires.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench.sh
. scripts/lib/bench.sh
BASE=${BASE:-36800}
PGPORT=${PGPORT:-$((BASE + 50))}
agorad_bin
devnet_ports "$BASE"
schema="$(go list -m -f '{{.Dir}}' github.com/cometbft/cometbft)/state/indexer/sink/psql/schema.sql"
[ -f "$schema" ] || { echo "no $schema (go mod download first)" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
devnet=
as_postgres() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
	stop_process "$devnet"
	if [ -f "$work/pg/postmaster.pid" ]; then as_postgres pg_ctl -D "$work/pg" -m fast stop >/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT
sql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U agora "$@"; }

echo "== 1. a PostgreSQL cluster on 127.0.0.1:$PGPORT, database agora_events, CometBFT's schema"
mkdir "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_postgres initdb -D "$work/pg" -U agora --auth=trust >/dev/null
as_postgres pg_ctl -D "$work/pg" -l "$work/pg/server.log" -w \
	-o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $work/pg" start >/dev/null
sql -d postgres -c "CREATE DATABASE agora_events"
sql -d agora_events -f "$schema"
echo "schema: $schema"

echo "== 2. a devnet whose index is the database"
conn="postgresql://agora@127.0.0.1:$PGPORT/agora_events?sslmode=disable"
$bin devnet --home "$work/node" "${ports[@]}" --init-only >/dev/null
sed -i -e 's|^indexer = .*|indexer = "psql"|' -e "s|^psql-conn = .*|psql-conn = \"$conn\"|" "$work/node/config/config.toml"
grep -E '^(indexer|psql-conn) = ' "$work/node/config/config.toml"
$bin devnet --home "$work/node" "${ports[@]}" >"$work/devnet.log" 2>&1 &
devnet=$!
wait_for_line "$work/devnet.log" "devnet is running" "$devnet"

echo "== 3. alice sends 123uagr to bob"
node="tcp://127.0.0.1:$((BASE + 1))"
bob=$($bin keys show bob -a --home "$work/node" --keyring-backend test)
hash=$($bin tx bank send alice "$bob" 123uagr --home "$work/node" --keyring-backend test --node "$node" \
	--fees 5000uagr --no-wait -y -o json | sed -n 's/.*"txhash":"\([0-9A-F]*\)".*/\1/p')
echo "tx $hash"
# tx_results holds each tx's hash and result, event_attributes its events
# (both tables and views are CometBFT's schema).
query="SELECT b.height, t.tx_hash FROM tx_results t JOIN blocks b ON b.rowid = t.block_id
  JOIN event_attributes e ON e.tx_id = t.rowid
  WHERE e.composite_key = 'transfer.recipient' AND e.value = '$bob' AND t.tx_hash = '$hash'"
for _ in $(seq 1 30); do
	found=$(sql -d agora_events -t -A -c "$query")
	[ -n "$found" ] && break
	sleep 1
done

echo "== 4. the transfer, found by SQL"
echo "$query;"
echo "-> ${found:-nothing}"
[ -n "$found" ] || { echo "the transfer is not in the database" >&2; exit 1; }
sql -d agora_events -c "SELECT count(*) AS blocks, max(height) AS last_height FROM blocks"
sql -d agora_events -c "SELECT e.composite_key, e.value FROM tx_results t JOIN event_attributes e ON e.tx_id = t.rowid
  WHERE t.tx_hash = '$hash' AND e.type = 'transfer'"
echo "== 5. the node's own tx search is off with this sink (CometBFT serves it only from its key-value index)"
curl -s "http://127.0.0.1:$((BASE + 1))/tx_search?query=%22transfer.recipient='$bob'%22" | head -c 300
echo
echo "drill passed"
