#!/usr/bin/env bash
# Profiles a devnet node under load (issue 16, docs/performance.md): a fresh
# devnet with CometBFT's pprof listener on BASE+8, `agorad loadgen` sending
# TXS txs of KIND, and a CPU profile of the node taken over PROFILE_SECONDS in the
# middle of the load. Prints the loadgen report, the profile's top functions
# (cumulative and flat) and where the profile is kept.
#
#   scripts/bench-profile.sh                        (KIND=send TXS=20000 PROFILE_SECONDS=10)
#   KIND=swap-1hop scripts/bench-profile.sh
#   AGORAD_BIN=/tmp/agorad OUT=/tmp/send.pprof scripts/bench-profile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench.sh
. scripts/lib/bench.sh
KIND=${KIND:-send}
TXS=${TXS:-20000}
ACCOUNTS=${ACCOUNTS:-50}
SECONDS_PROFILED=${PROFILE_SECONDS:-10}
BASE=${BASE:-36600}
OUT=${OUT:-$(mktemp --suffix=.pprof)}
agorad_bin
devnet_ports "$BASE"

home=$(mktemp -d)
log=$(mktemp)
load=$(mktemp)
devnet=
cleanup() {
	stop_process "$devnet"
	rm -rf "$home" "$log" "$load"
}
trap cleanup EXIT

$bin devnet --home "$home" "${ports[@]}" --init-only >/dev/null
sed -i "s|^pprof_laddr = .*|pprof_laddr = \"127.0.0.1:$((BASE + 8))\"|" "$home/config/config.toml"
$bin devnet --home "$home" "${ports[@]}" >"$log" 2>&1 &
devnet=$!
wait_for_line "$log" "devnet is running" "$devnet"

# shellcheck disable=SC2086 # the workload's flags are words
$bin loadgen ${workload_args[$KIND]} --accounts "$ACCOUNTS" --txs "$TXS" --seed "profile-$KIND" \
	--from alice --home "$home" --node "tcp://127.0.0.1:$((BASE + 1))" >"$load" 2>&1 &
gen=$!
# Profile once the txs are on their way (funding and signing come first).
wait_for_line "$load" "broadcasting" "$gen"
sleep 2
curl -s --max-time $((SECONDS_PROFILED + 30)) -o "$OUT" \
	"http://127.0.0.1:$((BASE + 8))/debug/pprof/profile?seconds=$SECONDS_PROFILED"
wait "$gen" || true
cat "$load"
echo
echo "== CPU profile of the node over ${SECONDS_PROFILED}s of the load (kept in $OUT)"
go tool pprof -top -cum -nodecount=40 "$bin" "$OUT" 2>/dev/null | head -50
echo
go tool pprof -top -nodecount=25 "$bin" "$OUT" 2>/dev/null | sed -n '5,35p'
