package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/cmd/agorad/network"
)

// devnetBannerWith is the devnet's banner, with the web app's address
// (none when the web app is off).
func devnetBannerWith(webURL string) bannerFunc {
	return func(w io.Writer, spec network.Spec, heights []int64) {
		devnetBanner(w, spec, heights, webURL)
	}
}

func devnetBanner(w io.Writer, spec network.Spec, heights []int64, webURL string) {
	n := spec.Nodes[0]
	home := n.Home
	fmt.Fprintf(w, `
Agora devnet is running (height %d).
%s
  chain id  %s
  RPC       %s
  REST      %s
  gRPC      %s
  metrics   %s
  home      %s
  log       %s/agorad.log

Test accounts (keyring-backend "test" in the home above; mnemonics in docs/devnet.md):
`, heights[0], webLine(webURL), spec.ChainID, n.Ports.RPCURL(), n.Ports.APIURL(), n.Ports.GRPCAddr(), metricsLine(n.Ports), home, home)
	names := append([]string{devgenesis.ValidatorKeyName(0)}, devgenesis.TestAccountNames...)
	for _, name := range names {
		addr, err := devgenesis.AddressOf(name)
		if err != nil {
			continue
		}
		fmt.Fprintf(w, "  %-10s %s\n", name, addr)
	}
	evmBanner(w, n.Ports)
	bob, _ := devgenesis.AddressOf("bob")
	h := "--home " + home
	fmt.Fprintf(w, `
Try, in another terminal:
  agorad q bank balances %s %s
  agorad tx bank send alice %s 1000000uagr --fees 5000uagr %s -y
  agorad q block %s
  agorad q gov params %s

Exchange: pools 1 AGR/USDC, 2 BTC/USDC, 3 ETH/USDC (0.30%% fee), 4 AUSD/USDC and 5 synth/USD/AUSD (stableswap, 0.05%%). Price a swap, then make it:
  agorad q dex simulate-exact-in 1000000uusdc --route-pool-ids 1 --route-denoms-out uagr %s
  agorad tx dex swap-exact-in 1000000uusdc 990000 --route '{"pool_id":1,"denom_out":"uagr"}' --from alice --fees 10000uagr %s -y

Money market: markets uusdc, uagr, ubtc, ueth (supplied at genesis). Post 1 BTC as collateral, borrow 30,000 USDC:
  agorad tx lend supply-collateral 1000000ubtc --from bob --fees 10000uagr --gas 400000 %s -y
  agorad q lend simulate-borrow %s 30000000000uusdc %s
  agorad tx lend borrow 30000000000uusdc --from bob --fees 10000uagr --gas 400000 %s -y

AUSD: vaults of uagr (150%%), ubtc and ueth (130%%), a stability pool, a PSM for USDC, an AUSD/USDC stableswap pool.
Open a vault with 1 ETH and mint 2,000 AUSD (simulate first), then swap USDC for AUSD:
  agorad q cdp simulate-open-vault %s 1000000ueth 2000000000 %s
  agorad tx cdp open-vault 1000000ueth 2000000000 --from bob --fees 15000uagr --gas 600000 %s -y
  agorad tx cdp psm-swap-in 1000000000 --from bob --fees 15000uagr --gas 600000 %s -y

Synths: stake AGR (issuance 400%%, liquidation 150%%), mint synth/USD, exchange it for synth/BTC, ETH, AGR or XAU
at the first oracle price after the block that includes the exchange (then query its status):
  agorad tx synth stake 4000000000uagr --from carol --fees 15000uagr --gas 600000 %s -y
  agorad tx synth mint uagr 1000000000 --from carol --fees 15000uagr --gas 600000 %s -y
  agorad tx synth exchange 100000000synth/USD synth/BTC 0 --from carol --fees 15000uagr --gas 600000 %s -y
  agorad q synth exchanges $(agorad keys show carol -a %s) %s

Margin: long or short BTC or ETH (up to 10x) and AGR (5x) against USDC, borrowing from the money market.
Preview a 3x BTC long (its liquidation price), open it, then see its PnL:
  agorad q margin simulate-open %s ubtc/uusdc long 1000000000uusdc 3 %s
  agorad tx margin open ubtc/uusdc long 1000000000uusdc 3 --from bob --fees 25000uagr --gas 1000000 %s -y
  agorad q margin positions %s %s

Liquidity rewards: 1 AGR a block split over pools 1-3 and a USDC gauge on pool 2. See a pool's APR, join it,
bond the LP shares, then claim (unbonding takes 30 s):
  agorad q incentives pool 2 %s
  agorad tx dex join-pool 1 0 1000000000uagr 1000000000uusdc --from bob --fees 15000uagr --gas 400000 %s -y
  agorad tx incentives bond 100000000dex/pool/1 --from bob --fees 15000uagr --gas 400000 %s -y
  agorad tx incentives claim 0 --from bob --fees 15000uagr --gas 400000 %s -y

Oracle prices come from %s: edit it and within a few blocks
  agorad q oracle prices %s
shows the new prices (one pair: agorad q oracle price BTC USD %s).

Governance: a passed change to an Agora module (or a treasury spend) waits in the timelock, then executes;
see the queue with each operation's seconds left (docs/governance.md shows a proposal):
  agorad q timelock operations %s
The guardian key may only pause Agora's messages and cancel queued operations; only a proposal re-enables:
  agorad tx circuit disable /agora.dex.v1.MsgSwapExactIn --from guardian --fees 5000uagr %s -y
`, bob, h, bob, h, h, h, h, h, h, bob, h, h, bob, h, h, h, h, h, h, h, h, bob, h, h, bob, h, h, h, h, h, devgenesis.PricesPath(home), h, h, h, h)
	councilBanner(w, h)
	limitOrderBanner(w, h)
	fmt.Fprint(w, "\nCtrl-C stops the node; \"agorad devnet\" resumes it; \"agorad devnet --reset\" starts over.\n")
}

// councilBanner tells how the risk council (an x/group policy) pauses:
// one member proposes, a second vote executes (docs/governance.md).
func councilBanner(w io.Writer, h string) {
	fmt.Fprintf(w, `The risk council, x/group policy %s (members guardian, alice, bob; 2 of 3), holds the same
pause-only permission: write pause.json as in docs/governance.md, propose, then a second member's vote executes it:
  agorad tx group submit-proposal pause.json --exec try --from guardian --fees 5000uagr %s -y
  agorad q group proposals-by-group-policy %s %s
  agorad tx group vote <id> $(agorad keys show alice -a %s) VOTE_OPTION_YES "" --exec try --from alice --fees 5000uagr %s -y
`, devgenesis.CouncilPolicyAddress(), h, devgenesis.CouncilPolicyAddress(), h, h, h)
}

// limitOrderBanner shows a limit order resting on pool 1's book and the
// book itself (x/dex/README.md, "Limit orders").
func limitOrderBanner(w io.Writer, h string) {
	fmt.Fprintf(w, `
Limit orders rest on a pool's book and fill in the block's batch once the price reaches them (sell 1,000 AGR at 1.01 USDC or better):
  agorad tx dex place-limit-order 1 1000000000uagr uusdc 1.01 --from alice --fees 10000uagr --gas 400000 %s -y
  agorad q dex order-book 1 uagr uusdc %s
`, h, h)
}

func localnetBanner(w io.Writer, spec network.Spec, heights []int64) {
	fmt.Fprintf(w, "\nAgora localnet %s is running: %d node(s) on 127.0.0.1.\n\n", spec.ChainID, len(spec.Nodes))
	fmt.Fprintf(w, "  %-10s %-6s %-24s %-24s %-16s %s\n", "node", "height", "RPC", "REST", "gRPC", "home")
	for i, n := range spec.Nodes {
		fmt.Fprintf(w, "  %-10s %-6d %-24s %-24s %-16s %s\n", n.Moniker, heights[i], n.Ports.RPCURL(), n.Ports.APIURL(), n.Ports.GRPCAddr(), n.Home)
	}
	if p := spec.Nodes[0].Ports; p.MetricsOn() {
		fmt.Fprintf(w, "\nPrometheus metrics: %s for %s, each node at its RPC port + 6 (docs/metrics.md).\n", p.MetricsURL(), spec.Nodes[0].Moniker)
	}
	h := "--home " + spec.Nodes[0].Home
	fmt.Fprintf(w, `
Each node's keyring holds alice, bob, carol and guardian; validator nodes also hold their operator key.
Try:
  agorad q staking validators %s
  agorad q bank balances $(agorad keys show alice -a %s) %s

Each validator's oracle feeder reads <home>/prices.json; the chain's price is the
stake-weighted median: agorad q oracle prices %s
Logs are <home>/agorad.log. Ctrl-C stops every node; the same command resumes them.
%s
`, h, h, h, h, strings.Repeat("-", 60))
}

// evmBanner prints the Ethereum side of the devnet: the JSON-RPC, the
// network to add to MetaMask and the funded Ethereum test account.
func evmBanner(w io.Writer, ports network.Ports) {
	if ports.JSONRPC == 0 {
		return
	}
	addr, priv, err := devgenesis.EthAccount()
	if err != nil {
		return
	}
	fmt.Fprintf(w, `  %-10s %s = %s (eth_secp256k1, coin type 60)

EVM (Solidity, MetaMask, ethers): JSON-RPC %s (websocket ws://%s)
MetaMask "Add a network manually":
  Network name     Agora devnet
  RPC URL          %s
  Chain ID         %d
  Currency symbol  AGR (18 decimals in the EVM: 1 AGR = 10^18 wei = 10^6 uagr)
Import the funded test account (public test key, never hold real funds with it):
  private key      0x%s
Try: curl -s -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"eth_getBalance","params":["%s","latest"]}' %s
`, devgenesis.EthAccountName, addr, devgenesis.EthHexAddress(addr),
		ports.JSONRPCURL(), ports.JSONRPCWSAddr(), ports.JSONRPCURL(), app.DevnetEVMChainID, priv,
		devgenesis.EthHexAddress(addr), ports.JSONRPCURL())
}

// metricsLine is where a node serves its Prometheus metrics.
func metricsLine(p network.Ports) string {
	if !p.MetricsOn() {
		return "off (--" + flagMetricsPort + " 0)"
	}
	return p.MetricsURL() + " (see docs/metrics.md)"
}

// webLine is the banner's first line about the web app.
func webLine(webURL string) string {
	if webURL == "" {
		return "\n  web app   off (--" + flagWebPort + " 0)\n"
	}
	return "\n  web app   " + webURL + "   <- open it in a browser: wallet, swap, pools, lend, AUSD, synths, margin, governance, explorer\n"
}
