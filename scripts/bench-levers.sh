#!/usr/bin/env bash
# Measures the throughput levers of issue 16 (docs/performance.md): the same
# load on a fresh devnet per node setting, one setting after another in an
# order that rotates from round to round, so that each setting meets the
# machine in every state. Each run: `agorad devnet --init-only`, the
# setting's edit of config.toml/app.toml, then the devnet starts from block
# 1 with it, `agorad loadgen` sends TXS txs of each workload, and the script
# prints committed tx/s, p50/p99 latency, the node's CPU share (100 % = one
# core) and the bytes the node wrote to disk (/proc/<pid>/io) during the
# load. Then it prints the median per setting and workload.
#
#   scripts/bench-levers.sh                                  (all settings)
#   LEVERS="default index-all" ROUNDS=5 scripts/bench-levers.sh
#   AGORAD_BIN=/tmp/agorad KINDS="send" TXS=20000 scripts/bench-levers.sh
#
# Settings (each changes one thing against "default", the devnet as
# `agorad devnet` makes it):
#   default         the devnet's own config
#   index-all       app.toml index-events = [] (the SDK's default: index every event attribute)
#   index-off       config.toml [tx_index] indexer = "null" (no transaction index)
#   no-recheck      config.toml [mempool] recheck = false
#   pebbledb        config.toml db_backend = "pebbledb" (CometBFT's and the app's stores; needs
#                   an agorad built with -tags pebbledb: go build -tags pebbledb ./cmd/agorad)
#   no-fastnode     app.toml iavl-disable-fastnode = true
#   iavl-cache-1m   app.toml iavl-cache-size = 1000000 (default 781250 nodes)
#   no-invariants   app.toml [invariants] check-every-block = false
#   block-500ms     config.toml timeout_commit = "500ms" (default 1s)
#   block-2s        config.toml timeout_commit = "2s"
#   gogc-N          the node runs with GOGC=N (Go's garbage collector target; default 100)
#   accounts-1m     1,000,000 more funded accounts in genesis (devnet --genesis-accounts) and the
#                   invariant check off (it walks every balance each block): compare it with
#                   no-invariants. Creating the devnet takes ~8 min and ~14 GB of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench.sh
. scripts/lib/bench.sh
ROUNDS=${ROUNDS:-3}
TXS=${TXS:-10000}
ACCOUNTS=${ACCOUNTS:-50}
BASE=${BASE:-36600}
read -r -a levers <<<"${LEVERS:-default index-all index-off no-recheck no-fastnode iavl-cache-1m no-invariants block-500ms block-2s}"
read -r -a kinds <<<"${KINDS:-send swap-1hop}"

agorad_bin

home=
devnet=
out=$(mktemp)
stop_devnet() {
	stop_process "$devnet"
	devnet=
	if [ -n "$home" ]; then
		rm -rf "$home"
		home=
	fi
}
trap 'stop_devnet; rm -f "$out"' EXIT

# apply LEVER HOME: the setting's edit of a devnet home.
apply() {
	local c=$2/config/config.toml a=$2/config/app.toml
	case $1 in
	default) ;;
	index-all) set_toml "$a" index-events "[]" ;;
	index-off) set_toml "$c" indexer '"null"' ;;
	no-recheck) set_toml "$c" recheck false ;;
	pebbledb) set_toml "$c" db_backend '"pebbledb"' ;;
	no-fastnode) set_toml "$a" iavl-disable-fastnode true ;;
	iavl-cache-1m) set_toml "$a" iavl-cache-size 1000000 ;;
	no-invariants | accounts-1m) set_toml "$a" check-every-block false ;;
	block-500ms) set_toml "$c" timeout_commit '"500ms"' ;;
	block-2s) set_toml "$c" timeout_commit '"2s"' ;;
	gogc-*) ;; # the node's environment (start_devnet)
	*)
		echo "unknown lever $1" >&2
		exit 1
		;;
	esac
}

devnet_ports "$BASE"

start_devnet() {
	home=$(mktemp -d)
	local more=()
	[ "$1" = accounts-1m ] && more=(--genesis-accounts 1000000)
	$bin devnet --home "$home" "${ports[@]}" --init-only "${more[@]}" >/dev/null
	apply "$1" "$home"
	: >"$out"
	local node_env=()
	case $1 in gogc-*) node_env=("GOGC=${1#gogc-}") ;; esac
	env "${node_env[@]}" $bin devnet --home "$home" "${ports[@]}" >"$out" 2>&1 &
	devnet=$!
	wait_for_line "$out" "devnet is running" "$devnet"
}

declare -A tps
metrics_url="http://127.0.0.1:$((BASE + 6))/metrics"
cpu_seconds() { scrape_metrics "$metrics_url" | awk '{print $3}'; }

echo "agorad $($bin version 2>&1 | head -1); $ROUNDS rounds of $TXS txs from $ACCOUNTS accounts per setting and workload"
n=${#levers[@]}
for r in $(seq 1 "$ROUNDS"); do
	for j in $(seq 0 $((n - 1))); do
		l=${levers[$(((j + r) % n))]}
		start_devnet "$l"
		node=$(cat "$home/agorad.pid" 2>/dev/null || pgrep -f "start --home $home" | head -1)
		for k in "${kinds[@]}"; do
			w0=$(awk '/^write_bytes/ {print $2}' "/proc/$node/io")
			c0=$(cpu_seconds)
			t0=$(date +%s.%N)
			# shellcheck disable=SC2086 # the workload's flags are words
			res=$($bin loadgen ${workload_args[$k]} --accounts "$ACCOUNTS" --txs "$TXS" --seed "lever$r-$k" \
				--from alice --home "$home" --node "tcp://127.0.0.1:$((BASE + 1))" 2>/dev/null) || true
			t1=$(date +%s.%N)
			c1=$(cpu_seconds)
			w1=$(awk '/^write_bytes/ {print $2}' "/proc/$node/io")
			t=$(awk '/^throughput/ {print $2}' <<<"$res")
			printf 'round %d  %-14s %-10s %8s tx/s  p50 %-8s p99 %-8s node CPU %4.0f%%  disk %5d MB  %s\n' "$r" "$l" "$k" "${t:-FAIL}" \
				"$(awk '/^latency p50/ {print $3}' <<<"$res")" "$(awk '/^latency p99/ {print $3}' <<<"$res")" \
				"$(awk -v a="$c0" -v b="$c1" -v t0="$t0" -v t1="$t1" 'BEGIN {print 100 * (b - a) / (t1 - t0)}')" \
				$(((w1 - w0) / 1000000)) "$(grep -E '^sent' <<<"$res")"
			tps[$l/$k]+="${t:-0} "
		done
		stop_devnet
	done
done

echo
for l in "${levers[@]}"; do
	for k in "${kinds[@]}"; do
		printf '%-14s %-10s median %8s tx/s  (runs: %s)\n' "$l" "$k" "$(median "${tps[$l/$k]}")" "${tps[$l/$k]}"
	done
done
