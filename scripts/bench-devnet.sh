#!/usr/bin/env bash
# Measures committed bank sends/s and swaps/s on a fresh devnet, in one run:
# ROUNDS rounds, each sending TXS bank sends, TXS single-hop swaps and TXS
# two-hop swaps from ACCOUNTS accounts, in an order that rotates from round
# to round (so that no workload always pays for the previous one's disk
# compaction). Prints every run and the median per workload.
#   scripts/bench-devnet.sh                  (defaults: 3 rounds of 10000 txs)
#   ROUNDS=5 TXS=15000 scripts/bench-devnet.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
TXS=${TXS:-10000}
ACCOUNTS=${ACCOUNTS:-50}
BASE=${BASE:-36600}
home=$(mktemp -d)
out=$(mktemp)
trap 'kill $devnet 2>/dev/null; wait $devnet 2>/dev/null; rm -rf "$home" "$out"' EXIT

make build >/dev/null
bin=build/agorad
$bin devnet --home "$home" --p2p-port $BASE --rpc-port $((BASE+1)) --api-port $((BASE+2)) --grpc-port $((BASE+3)) >"$out" 2>&1 &
devnet=$!
until grep -q "devnet is running" "$out"; do
	kill -0 $devnet 2>/dev/null || { cat "$out"; exit 1; }
	sleep 1
done
echo "devnet up in $home; $ROUNDS rounds of $TXS txs from $ACCOUNTS accounts"

kinds=("send" "swap --route 1:uagr --token-in 1000000uusdc" "swap --route 1:uusdc,3:ueth --token-in 1000000uagr")
labels=("send" "swap-1hop" "swap-2hop")
declare -A tps gas
for r in $(seq 1 "$ROUNDS"); do
	for j in 0 1 2; do
		i=$(( (j + r) % 3 ))
		res=$($bin loadgen --kind ${kinds[$i]} --accounts "$ACCOUNTS" --txs "$TXS" --seed "bench$r-$i" \
			--from alice --home "$home" 2>/dev/null)
		t=$(awk '/^throughput/ {print $2}' <<<"$res")
		g=$(awk '/^gas used/ {print $4}' <<<"$res")
		p50=$(awk '/^latency p50/ {print $3}' <<<"$res")
		p99=$(awk '/^latency p99/ {print $3}' <<<"$res")
		printf 'round %d  %-10s %8s tx/s  p50 %-8s p99 %-8s gas %s\n' "$r" "${labels[$i]}" "$t" "$p50" "$p99" "$g"
		tps[${labels[$i]}]+="$t "
		gas[${labels[$i]}]=$g
	done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
s=$(median "${tps[send]}")
echo
for l in "${labels[@]}"; do
	m=$(median "${tps[$l]}")
	printf '%-10s median %8s tx/s  (%.2f x bank sends)  gas/tx %s\n' "$l" "$m" "$(echo "$m / $s" | bc -l)" "${gas[$l]}"
done
