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
#   TXS=36000 scripts/bench-localnet.sh             (the 5-minute load: ~8 min here)
#   AGORAD_BIN=/tmp/agorad VALIDATORS=4 scripts/bench-localnet.sh
#   KINDS=send KEEP=1 scripts/bench-localnet.sh     (sends only; keep the homes and logs)
#   LEVERS="propose-10s block-400kb" scripts/bench-localnet.sh
#
# LEVERS: edits applied to every node after `agorad localnet --init-only`
# and before its start (none by default):
#   propose-10s      config.toml timeout_propose = "10s" (default 3s)
#   block-400kb      genesis consensus params block.max_bytes = 400000
#                    (~1,300 txs; CometBFT's default 22020096) and
#                    evidence.max_bytes = 100000 (it must fit in a block)
#   no-invariants    app.toml [invariants] check-every-block = false
#   mempool-5k       config.toml [mempool] size = 5000 (CometBFT's default;
#                    agorad localnet writes 10000)
#   gogc-N           the nodes run with GOGC=N (Go's garbage collector
#                    target; default 100)
#   pprof            config.toml pprof_laddr on 127.0.0.1:BASE+10·i+9 (node i),
#                    for `go tool pprof` during the load
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench.sh
. scripts/lib/bench.sh
TXS=${TXS:-30000}
ACCOUNTS=${ACCOUNTS:-100}
VALIDATORS=${VALIDATORS:-4}
# Each workload's most unconfirmed txs: two of them together, plus a block
# of txs that a node one block behind the others still holds, stay below
# the mempool's 10,000 (a full mempool refuses a tx, and then every later tx
# of its account fails its sequence check; docs/performance.md).
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

# apply LEVER NODE_HOME: the lever's edit of one node's home.
apply() {
	local c=$2/config/config.toml a=$2/config/app.toml g=$2/config/genesis.json
	case $1 in
	propose-10s) set_toml "$c" timeout_propose '"10s"' ;;
	block-400kb)
		grep -q '"max_bytes": "22020096"' "$g" || {
			echo "no block max_bytes in $g" >&2
			exit 1
		}
		sed -i 's/"max_bytes": "22020096"/"max_bytes": "400000"/; s/"max_bytes": "1048576"/"max_bytes": "100000"/' "$g"
		;;
	no-invariants) set_toml "$a" check-every-block false ;;
	mempool-5k) set_toml "$c" size 5000 ;;
	gogc-*) ;; # the nodes' environment, below
	pprof) set_toml "$c" pprof_laddr "\"127.0.0.1:$((BASE + 10 * ${2##*node} + 9))\"" ;;
	*)
		echo "unknown lever $1" >&2
		exit 1
		;;
	esac
}

$bin localnet --home "$home" --validators "$VALIDATORS" --base-port "$BASE" --init-only >"$out" 2>&1
node_env=()
for lever in ${LEVERS:-}; do
	for n in "$home"/node*; do apply "$lever" "$n"; done
	case $lever in gogc-*) node_env+=("GOGC=${lever#gogc-}") ;; esac
done
env "${node_env[@]}" $bin localnet --home "$home" --validators "$VALIDATORS" --base-port "$BASE" >"$out" 2>&1 &
net=$!
wait_for_line "$out" "running" "$net"
rpc() { echo "tcp://127.0.0.1:$((BASE + 10 * $1 + 1))"; }
metrics="http://127.0.0.1:$((BASE + 7))/metrics"
height() { curl -s --max-time 5 "http://127.0.0.1:$((BASE + 10 * $1 + 1))/status" | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p'; }

echo "localnet of $VALIDATORS validators up in $home (agorad $($bin version 2>&1 | head -1), levers: ${LEVERS:-none}); $TXS each of ${KINDS:-send swap} (sends to node0, swaps to node1)"
read -r -a kinds <<<"${KINDS:-send swap}"
# node_cpu: every validator's CPU seconds so far (process_cpu_seconds_total).
node_cpu() {
	for i in $(seq 0 $((VALIDATORS - 1))); do
		scrape_metrics "http://127.0.0.1:$((BASE + 10 * i + 7))/metrics" | cut -d' ' -f3
	done
}
# machine_cpu: the machine's busy and total CPU seconds so far (/proc/stat).
machine_cpu() {
	awk -v hz="$(getconf CLK_TCK)" '/^cpu / { busy = $2 + $3 + $4 + $7 + $8; all = busy + $5 + $6; printf "%.2f %.2f\n", busy / hz, all / hz }' /proc/stat
}
m0=$(scrape_metrics "$metrics")
c0=$(node_cpu)
p0=$(machine_cpu)
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
c1=$(node_cpu)
p1=$(machine_cpu)
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
# Where the cores went over the load: each validator's CPU seconds,
# and the machine's busy seconds (the load generators, the RPC clients and
# everything else are the remainder).
paste <(echo "$c0") <(echo "$c1") | awk -v a="$p0" -v b="$p1" -v cores="$(nproc)" '
	{ d = $2 - $1; nodes += d; line = line sprintf(" node%d=%.1fs", NR - 1, d) }
	END { split(a, x, " "); split(b, y, " "); busy = y[1] - x[1]; all = y[2] - x[2]
		printf "CPU over the load:%s; validators %.1fs of %.1fs busy (%.0f %%), machine %.0f %% busy over %.0fs\n",
			line, nodes, busy, (busy > 0 ? 100 * nodes / busy : 0), (all > 0 ? 100 * busy / all : 0), all / cores }'
printf 'heights at the end:'
for i in $(seq 0 $((VALIDATORS - 1))); do printf ' node%d=%s' "$i" "$(height "$i")"; done
echo
