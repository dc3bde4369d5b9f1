# Shared pieces of the benchmark scripts (scripts/bench-*.sh); source it
# after `cd` to the repository root. Nothing here runs on its own.

# agorad_bin: sets bin to $AGORAD_BIN, or builds build/agorad.
agorad_bin() {
	if [ -n "${AGORAD_BIN:-}" ]; then
		bin=$AGORAD_BIN
	else
		make build >/dev/null
		bin=build/agorad
	fi
}

# devnet_ports BASE: sets ports to the devnet flags that put every listener
# of the node on BASE..BASE+7 (RPC on BASE+1, metrics on BASE+6), web off.
devnet_ports() {
	local p=$1
	ports=(--p2p-port "$p" --rpc-port $((p + 1)) --api-port $((p + 2)) --grpc-port $((p + 3))
		--json-rpc-port $((p + 4)) --json-rpc-ws-port $((p + 5)) --metrics-port $((p + 6))
		--evm-metrics-port $((p + 7)) --web-port 0)
}

# wait_for_line FILE TEXT PID: waits until FILE holds TEXT; if PID (the
# process writing FILE) ends first, prints FILE and exits the script.
wait_for_line() {
	until grep -q "$2" "$1"; do
		kill -0 "$3" 2>/dev/null || {
			cat "$1"
			exit 1
		}
		sleep 1
	done
}

# stop_process PID: ends a process the script started and waits for it to
# exit (nothing when PID is empty).
stop_process() {
	[ -n "$1" ] || return 0
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

# set_toml FILE KEY VALUE: sets the first "KEY = ..." line of FILE.
set_toml() {
	grep -q "^$2 = " "$1" || {
		echo "no $2 in $1" >&2
		exit 1
	}
	sed -i "0,/^$2 = .*/s||$2 = $3|" "$1"
}

# The loadgen flags of each workload the scripts name.
declare -A workload_args=(
	[send]="--kind send"
	[swap-1hop]="--kind swap --route 1:uagr --token-in 1000000uusdc"
	[swap-2hop]="--kind swap --route 1:uusdc,3:ueth --token-in 1000000uagr"
	[erc20]="--kind erc20 --denom uusdc"
	[evm-swap]="--kind evm-swap --route 1:uagr --token-in 1000000uusdc"
)

# scrape_metrics URL: "<block interval sum> <block interval count> <node CPU
# seconds>" from a node's Prometheus endpoint ("0 0 0" when URL is empty or
# does not answer).
scrape_metrics() {
	if [ -z "$1" ]; then
		echo "0 0 0"
		return
	fi
	{ curl -s --max-time 5 "$1" || true; } | awk '
		/^cometbft_consensus_block_interval_seconds_sum/ {s = $NF}
		/^cometbft_consensus_block_interval_seconds_count/ {c = $NF}
		/^process_cpu_seconds_total/ {cpu = $NF}
		END {printf "%s %s %s\n", s + 0, c + 0, cpu + 0}'
}

# median "v1 v2 ...": the median of the numbers (the lower middle of an even count).
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
