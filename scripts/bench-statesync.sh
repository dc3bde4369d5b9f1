#!/usr/bin/env bash
# Measures state size and state sync (issue 16): a one-validator localnet
# with N extra funded genesis accounts, then a new full node that joins it
# by state sync. Prints the genesis size, the time to create the network,
# the time from `agorad start` to the first block (mostly InitChain), the
# snapshot, and the new node's join time (start to answering a bank query
# at the network's height).
#
#   scripts/bench-statesync.sh [N]          (default 100000)
#
# Env: AGORAD (binary, default: build into a temp dir), BASE (ports,
# default 36600; the joiner uses BASE+100), WORK (directory, default a
# temp dir, removed at the end unless KEEP=1), SNAPSHOT_INTERVAL (20).
set -euo pipefail

N=${1:-100000}
BASE=${BASE:-36600}
JBASE=$((BASE + 100))
SNAPSHOT_INTERVAL=${SNAPSHOT_INTERVAL:-20}
WORK=${WORK:-$(mktemp -d /tmp/agora-statesync-bench.XXXXXX)}
mkdir -p "$WORK"
if [ -z "${AGORAD:-}" ]; then
	AGORAD="$WORK/agorad"
	go build -o "$AGORAD" ./cmd/agorad
fi
NODE="$WORK/net/node0"
JOIN="$WORK/joiner"
RPC="http://127.0.0.1:$((BASE + 1))"
JRPC="http://127.0.0.1:$((JBASE + 1))"
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc | xargs printf '%.1f'; }
height() { curl -sf "$1/status" | jq -r '.result.sync_info.latest_block_height' 2>/dev/null || echo 0; }

echo "== $N genesis accounts"
t0=$(now)
"$AGORAD" localnet --validators 1 --home "$WORK/net" --base-port "$BASE" --init-only \
	--genesis-accounts "$N" --snapshot-interval "$SNAPSHOT_INTERVAL" --check-invariants=false >/dev/null
echo "network created in $(since "$t0") s; genesis.json $(du -h "$NODE/config/genesis.json" | cut -f1)" \
	"($(stat -c %s "$NODE/config/genesis.json") bytes)"

t0=$(now)
"$AGORAD" start --home "$NODE" >"$NODE/agorad.log" 2>&1 &
pids+=($!)
until [ "$(height "$RPC")" -ge 1 ] 2>/dev/null; do sleep 0.5; done
echo "validator: start to block 1 proposed $(since "$t0") s (loading the genesis, InitChain)"
until [ "$(height "$RPC")" -ge 2 ] 2>/dev/null; do sleep 0.5; done
echo "validator: start to block 2 (block 1, which writes the genesis state, committed) $(since "$t0") s"
grep -o 'InitChain[^"]*' "$NODE/agorad.log" | head -1 || true

# The first snapshot.
until [ "$(height "$RPC")" -ge $((SNAPSHOT_INTERVAL + 2)) ] 2>/dev/null; do sleep 1; done
until curl -sf "$RPC/abci_query?path=%22/agora/snapshots%22" | jq -r .result.response.value | base64 -d | grep -q height; do sleep 1; done
echo "snapshots: $(curl -sf "$RPC/abci_query?path=%22/agora/snapshots%22" | jq -r .result.response.value | base64 -d)"
grep -E 'completed state snapshot|creating state snapshot' "$NODE/agorad.log" | tail -2 || true
echo "snapshot dir: $(du -sh "$NODE/data/snapshots" | cut -f1)"

# The joiner.
"$AGORAD" init joiner --chain-id agora-localnet-1 --home "$JOIN" >/dev/null 2>&1
cp "$NODE/config/genesis.json" "$JOIN/config/genesis.json"
NODEID=$(curl -sf "$RPC/status" | jq -r .result.node_info.id)
sed -i -e "s|^persistent_peers = .*|persistent_peers = \"$NODEID@127.0.0.1:$BASE\"|" \
	-e 's|^pex = .*|pex = false|' -e 's|^seeds = .*|seeds = ""|' \
	-e 's|^addr_book_strict = .*|addr_book_strict = false|' -e 's|^allow_duplicate_ip = .*|allow_duplicate_ip = true|' \
	"$JOIN/config/config.toml"
"$AGORAD" statesync-config --rpc "$RPC" --home "$JOIN"

ALICE=$("$AGORAD" keys show alice -a --home "$NODE" --keyring-backend test)
t0=$(now)
"$AGORAD" start --home "$JOIN" \
	--rpc.laddr "tcp://127.0.0.1:$((JBASE + 1))" --p2p.laddr "tcp://127.0.0.1:$JBASE" \
	--proxy_app "tcp://127.0.0.1:$((JBASE + 4))" --api.address "tcp://127.0.0.1:$((JBASE + 2))" \
	--grpc.address "127.0.0.1:$((JBASE + 3))" --json-rpc.address "127.0.0.1:$((JBASE + 5))" \
	--json-rpc.ws-address "127.0.0.1:$((JBASE + 6))" --prometheus.enabled=false \
	>"$JOIN/agorad.log" 2>&1 &
pids+=($!)
target=$(height "$RPC")
until curl -sf "$JRPC/status" >/dev/null; do sleep 0.5; done
echo "joiner: RPC up (genesis loaded, node started) after $(since "$t0") s"
until grep -q 'Snapshot restored' "$JOIN/agorad.log"; do sleep 0.5; done
echo "joiner: snapshot restored after $(since "$t0") s"
until [ "$(height "$JRPC")" -ge "$target" ] 2>/dev/null; do sleep 0.5; done
until "$AGORAD" q bank balance "$ALICE" uagr --node "tcp://127.0.0.1:$((JBASE + 1))" -o json >/dev/null 2>&1; do sleep 0.5; done
echo "joiner: start to height $target and a bank query answered in $(since "$t0") s"
curl -sf "$JRPC/status" | jq -c '.result.sync_info | {earliest_block_height, latest_block_height}'
grep -E 'Discovering snapshots|Fetching snapshot chunk|Snapshot restored' "$JOIN/agorad.log" | sed -E 's/^(.{0,160}).*/\1/' | head -5 || true
echo "alice's uagr at height $target: joiner $("$AGORAD" q bank balance "$ALICE" uagr --height "$target" --node "tcp://127.0.0.1:$((JBASE + 1))" -o json | jq -r .balance.amount)," \
	"validator $("$AGORAD" q bank balance "$ALICE" uagr --height "$target" --node "tcp://127.0.0.1:$((BASE + 1))" -o json | jq -r .balance.amount)"
