#!/usr/bin/env bash
# Measures a fresh 4-validator localnet (`agorad localnet`, four agorad
# processes on this machine) under a mixed load for a sustained period
# (issue 16, docs/performance.md): bank sends broadcast to node0 and
# single-hop swaps to node1 at the same time, TXS of each from ACCOUNTS
# accounts per workload. Prints each workload's committed tx/s and latency,
# their sum over the common window, the mean block time and the blocks'
# spread over the run (from node0's metrics), each validator's count of txs
# its mempool refused and dropped at recheck, and every validator's height
# at the end (a validator falling behind shows as a lower height).
#
#   scripts/bench-localnet.sh                       (TXS=30000 of each, 100 accounts each)
#   TXS=150000 scripts/bench-localnet.sh            (the 5-minute run)
#   AGORAD_BIN=/tmp/agorad VALIDATORS=4 scripts/bench-localnet.sh
#   KINDS=send KEEP=1 scripts/bench-localnet.sh     (sends only; keep the homes and logs)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench.sh
. scripts/lib/bench.sh
TXS=${TXS:-30000}
ACCOUNTS=${ACCOUNTS:-100}
VALIDATORS=${VALIDATORS:-4}
# Each workload's most unconfirmed txs: two of them together stay below the
# mempool's 5,000 (a full mempool refuses a tx, and then every later tx of
# its account fails its sequence check).
PENDING=${PENDING:-2000}
BASE=${BASE:-36700}
agorad_bin
home=$(mktemp -d)
out=$(mktemp)
net=
cleanup() {
	stop_process "$net"
	if [ -n "${KEEP:-}" ]; then
		cp "$out".* "$home"/ 2>/dev/null || true
		echo "kept $home (node logs: node<i>/agorad.log; load generator output: $(basename "$out").send/.swap)"
	else
		rm -rf "$home"
	fi
	rm -f "$out" "$out".*
}
trap cleanup EXIT

$bin localnet --home "$home" --validators "$VALIDATORS" --base-port "$BASE" >"$out" 2>&1 &
net=$!
wait_for_line "$out" "running" "$net"
rpc() { echo "tcp://127.0.0.1:$((BASE + 10 * $1 + 1))"; }
metrics="http://127.0.0.1:$((BASE + 7))/metrics"
height() { curl -s --max-time 5 "http://127.0.0.1:$((BASE + 10 * $1 + 1))/status" | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p'; }

echo "localnet of $VALIDATORS validators up in $home (agorad $($bin version 2>&1 | head -1)); $TXS each of ${KINDS:-send swap} (sends to node0, swaps to node1)"
read -r -a kinds <<<"${KINDS:-send swap}"
m0=$(scrape_metrics "$metrics")
pids=()
run_send() {
	$bin loadgen --kind send --accounts "$ACCOUNTS" --txs "$TXS" --seed localnet-send --from alice \
		--home "$home/node0" --node "$(rpc 0)" --max-pending "$PENDING" --wait 300s >"$out.send" 2>&1
}
run_swap() {
	$bin loadgen --kind swap --route 1:uagr --token-in 1000000uusdc --accounts "$ACCOUNTS" --txs "$TXS" --seed localnet-swap \
		--from bob --home "$home/node1" --node "$(rpc 1)" --max-pending "$PENDING" --wait 300s >"$out.swap" 2>&1
}
for k in "${kinds[@]}"; do
	"run_$k" &
	pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || true; done
m1=$(scrape_metrics "$metrics")
for k in "${kinds[@]}"; do
	echo "== $k"
	grep -E '^(sent|committed|throughput|latency|first error|first failure)' "$out.$k" || tail -3 "$out.$k"
done
awk -v a="$m0" -v b="$m1" 'BEGIN { split(a, x, " "); split(b, y, " ");
	if (y[2] > x[2]) printf "mean block time %.2fs over %d blocks\n", (y[1] - x[1]) / (y[2] - x[2]), y[2] - x[2] }'
curl -s --max-time 5 "$metrics" | awk '/^cometbft_consensus_block_interval_seconds_bucket/ {print}' | tail -12
# Per validator: txs refused when first checked (gossiped copies included)
# and pending txs dropped by a recheck after a block.
printf 'mempool (failed at CheckTx / evicted at recheck):'
for i in $(seq 0 $((VALIDATORS - 1))); do
	printf ' node%d=%s' "$i" "$(curl -s --max-time 5 "http://127.0.0.1:$((BASE + 10 * i + 7))/metrics" |
		awk '/^cometbft_mempool_failed_txs/ {f = $NF} /^cometbft_mempool_evicted_txs/ {e = $NF} END {printf "%d/%d", f, e}')"
done
echo
printf 'heights at the end:'
for i in $(seq 0 $((VALIDATORS - 1))); do printf ' node%d=%s' "$i" "$(height "$i")"; done
echo
