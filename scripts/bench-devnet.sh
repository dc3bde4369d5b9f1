#!/usr/bin/env bash
# Measures committed tx/s on a fresh devnet, in one run: ROUNDS rounds, each
# sending TXS txs of every workload from ACCOUNTS accounts — bank sends,
# single-hop swaps, two-hop swaps, EVM ERC-20 transfers (uusdc's native-pair
# ERC-20) and EVM swaps through the dex precompile (pool 1) — in an order that
# rotates from round to round (so that no workload always pays for the
# previous one's disk compaction). Prints every run and the median per
# workload, each with the mean block time and the node's CPU share during the
# run, read from the node's Prometheus endpoint
# (cometbft_consensus_block_interval_seconds, process_cpu_seconds_total; builds
# without metrics print "-").
#
# With PRE_EVM_BIN set (an agorad built from the commit before the EVM merge),
# it then starts a second fresh devnet with that binary and runs ROUNDS bank
# send runs on it: bank sends/s without the EVM ante handler, next to the
# figure above.
#   scripts/bench-devnet.sh                  (defaults: 3 rounds of 10000 txs)
#   ROUNDS=5 TXS=15000 scripts/bench-devnet.sh
#   AGORAD_BIN=/tmp/agorad PRE_EVM_BIN=/tmp/pre-evm-agorad scripts/bench-devnet.sh
#   KINDS="send erc20" scripts/bench-devnet.sh   (a subset of the workloads)
#   LOADGEN_FLAGS="--max-pending 900" scripts/bench-devnet.sh   (extra flags for every loadgen run)
#   DEVNET_FLAGS="--metrics-port 0" scripts/bench-devnet.sh      (extra devnet flags: here, metrics off)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench.sh
. scripts/lib/bench.sh
ROUNDS=${ROUNDS:-3}
TXS=${TXS:-10000}
ACCOUNTS=${ACCOUNTS:-50}
BASE=${BASE:-36600}
PRE_EVM_BIN=${PRE_EVM_BIN:-}
home=$(mktemp -d)
out=$(mktemp)
devnet=
stop_devnet() {
	stop_process "$devnet"
	devnet=
}
trap 'stop_devnet; rm -rf "$home" "$out"' EXIT

agorad_bin

# start_devnet BIN HOME BASE [extra flags]: a fresh devnet on ports BASE..BASE+7.
start_devnet() {
	local b=$1 h=$2 p=$3
	shift 3
	: >"$out"
	$b devnet --home "$h" --p2p-port "$p" --rpc-port $((p + 1)) --api-port $((p + 2)) --grpc-port $((p + 3)) \
		--web-port 0 "$@" ${DEVNET_FLAGS:-} >"$out" 2>&1 &
	devnet=$!
	wait_for_line "$out" "devnet is running" "$devnet"
}

read -r -a labels <<<"${KINDS:-send swap-1hop swap-2hop erc20 evm-swap}"
n=${#labels[@]}
declare -A tps gas p50s p99s blks cpus

# The node's metrics endpoint (set below when the build has one).
metrics_url=

# run_load BIN HOME LABEL ROUND KEY: one loadgen run, printed and recorded under KEY.
run_load() {
	local b=$1 h=$2 l=$3 r=$4 key=$5 res t g p50 p99 m0 m1 t0 t1 blk cpu
	m0=$(scrape_metrics "$metrics_url")
	t0=$(date +%s.%N)
	# shellcheck disable=SC2086 # the workload's flags are words
	res=$($b loadgen ${workload_args[$l]} --accounts "$ACCOUNTS" --txs "$TXS" --seed "bench$r-$key" \
		--from alice --home "$h" --node "tcp://127.0.0.1:$((BASE + 1))" ${LOADGEN_FLAGS:-} 2>/dev/null) || true
	t1=$(date +%s.%N)
	m1=$(scrape_metrics "$metrics_url")
	# Mean block time and the node's CPU share (100% = one core) over the run.
	read -r blk cpu < <(awk -v a="$m0" -v b="$m1" -v t0="$t0" -v t1="$t1" 'BEGIN {
		split(a, x, " "); split(b, y, " ")
		blk = (y[2] > x[2]) ? sprintf("%.2fs", (y[1] - x[1]) / (y[2] - x[2])) : "-"
		cpu = (y[3] > x[3] && t1 > t0) ? sprintf("%.0f%%", 100 * (y[3] - x[3]) / (t1 - t0)) : "-"
		print blk, cpu }')
	t=$(awk '/^throughput/ {print $2}' <<<"$res")
	g=$(awk '/^gas used/ {print $4}' <<<"$res")
	p50=$(awk '/^latency p50/ {print $3}' <<<"$res")
	p99=$(awk '/^latency p99/ {print $3}' <<<"$res")
	printf 'round %d  %-14s %8s tx/s  block %-6s node CPU %-5s p50 %-8s p99 %-8s gas %s  %s\n' "$r" "$key" "${t:-FAIL}" \
		"$blk" "$cpu" "$p50" "$p99" "$g" \
		"$(grep -E '^(sent|first error|first failure)' <<<"$res" | tr '\n' ' ')"
	tps[$key]+="${t:-0} "
	gas[$key]=$g
	p50s[$key]+="$p50 "
	p99s[$key]+="$p99 "
	blks[$key]+="$blk "
	cpus[$key]+="$cpu "
}

evmflags=()
if $bin devnet --help 2>/dev/null | grep -q -- --json-rpc-port; then # builds before the EVM have no JSON-RPC
	evmflags=(--json-rpc-port $((BASE + 4)) --json-rpc-ws-port $((BASE + 5)))
fi
if $bin devnet --help 2>/dev/null | grep -q -- --metrics-port; then # builds with the metrics endpoint
	evmflags+=(--metrics-port $((BASE + 6)) --evm-metrics-port $((BASE + 7)))
	metrics_url="http://127.0.0.1:$((BASE + 6))/metrics"
fi
start_devnet "$bin" "$home" "$BASE" "${evmflags[@]}"
echo "devnet up in $home ($($bin version 2>/dev/null || echo '?')); $ROUNDS rounds of $TXS txs from $ACCOUNTS accounts"
for r in $(seq 1 "$ROUNDS"); do
	for j in $(seq 0 $((n - 1))); do
		l=${labels[$(((j + r) % n))]}
		run_load "$bin" "$home" "$l" "$r" "$l"
	done
done
stop_devnet

if [ -n "$PRE_EVM_BIN" ]; then
	prehome=$(mktemp -d)
	trap 'stop_devnet; rm -rf "$home" "$out" "$prehome"' EXIT
	metrics_url= # a build that old has no metrics endpoint
	start_devnet "$PRE_EVM_BIN" "$prehome" "$BASE"
	echo "pre-EVM devnet up in $prehome ($PRE_EVM_BIN)"
	for r in $(seq 1 "$ROUNDS"); do
		run_load "$PRE_EVM_BIN" "$prehome" send "$r" send-pre-evm
	done
	stop_devnet
	labels+=(send-pre-evm)
fi

s=$(median "${tps[send]:-0}")
echo
for l in "${labels[@]}"; do
	m=$(median "${tps[$l]}")
	ratio=$(awk -v m="$m" -v s="$s" 'BEGIN { if (s > 0) printf "%.2f", m / s; else print "-" }')
	printf '%-14s median %8s tx/s  (%s x bank sends)  gas/tx %s  p50 per run: %s p99 per run: %s block per run: %s node CPU per run: %s\n' \
		"$l" "$m" "$ratio" "${gas[$l]}" "${p50s[$l]}" "${p99s[$l]}" "${blks[$l]}" "${cpus[$l]}"
done
