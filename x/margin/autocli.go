package margin

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	marginv1 "github.com/agora-labs/agora/x/margin/types"
)

// AutoCLIOptions describes the CLI generated from the gRPC services:
// `agorad query margin ...` and `agorad tx margin ...`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: marginv1.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show x/margin's parameters", Example: "agorad query margin params -o json"},
				{RpcMethod: "Pairs", Use: "pairs", Short: "List the margin pairs: open interest, borrow rates, insurance fund, room under the caps", Example: "agorad query margin pairs"},
				{
					RpcMethod: "Position", Use: "position [id]", Short: "A position valued now: equity, PnL, leverage, margin ratio, liquidation price",
					Example: "agorad query margin position 1", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod: "PositionsByOwner", Use: "positions [owner]", Short: "An owner's positions, valued now",
					Example: "agorad query margin positions $(agorad keys show alice -a)", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}},
				},
				{
					RpcMethod: "PositionsAtRisk", Use: "at-risk [pair]", Short: "A pair's riskiest positions first (--side long|short, --limit)",
					Example: "agorad query margin at-risk ubtc/uusdc --side long", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pair"}},
				},
				{
					RpcMethod: "SimulateOpen", Use: "simulate-open [owner] [pair] [side] [margin] [leverage]",
					Short:   "The position an open would create now (liquidation price, leverage) — or the error the tx would fail with",
					Example: "agorad query margin simulate-open $(agorad keys show alice -a) ubtc/uusdc long 1000000000uusdc 3",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "owner"}, {ProtoField: "pair"}, {ProtoField: "side"}, {ProtoField: "margin"}, {ProtoField: "leverage"},
					},
				},
				{
					RpcMethod: "SimulateClose", Use: "simulate-close [owner] [position-id]",
					Short:          "What closing (all, or --fraction) would do now: fill price, debt repaid, payout, the position left — or the error the tx would fail with",
					Example:        "agorad query margin simulate-close $(agorad keys show alice -a) 1 --fraction 0.5 --price-limit 59000",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}, {ProtoField: "position_id"}},
				},
				{
					RpcMethod: "SimulateAddMargin", Use: "simulate-add-margin [owner] [position-id] [amount]",
					Short:          "The position after adding margin (leverage, liquidation price) — or the error the tx would fail with",
					Example:        "agorad query margin simulate-add-margin $(agorad keys show alice -a) 1 100000000uusdc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}, {ProtoField: "position_id"}, {ProtoField: "amount"}},
				},
				{
					RpcMethod: "SimulateRemoveMargin", Use: "simulate-remove-margin [owner] [position-id]",
					Short:          "The most margin removable now and, with --amount, the position after removing it — or the error the tx would fail with",
					Example:        "agorad query margin simulate-remove-margin $(agorad keys show alice -a) 1 --amount 50000000uusdc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}, {ProtoField: "position_id"}},
				},
				{
					RpcMethod: "SimulateSetTriggers", Use: "simulate-set-triggers [owner] [position-id]",
					Short:          "Whether take-profit/stop-loss are accepted at the price now, and what each does when it fires",
					Example:        "agorad query margin simulate-set-triggers $(agorad keys show alice -a) 1 --take-profit 70000 --stop-loss 50000",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}, {ProtoField: "position_id"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: marginv1.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "OpenPosition", Use: "open [pair] [side] [margin] [leverage]",
					Short:   "Open a leveraged long or short; margin in the pair's quote (--price-limit worst fill, --deadline unix seconds)",
					Example: "agorad tx margin open ubtc/uusdc long 1000000000uusdc 3 --price-limit 61000 --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "pair"}, {ProtoField: "side"}, {ProtoField: "margin"}, {ProtoField: "leverage"},
					},
				},
				{
					RpcMethod: "AddMargin", Use: "add-margin [position-id] [amount]", Short: "Add margin (a long repays debt with it, a short holds it)",
					Example:        "agorad tx margin add-margin 1 100000000uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "position_id"}, {ProtoField: "amount"}},
				},
				{
					RpcMethod: "RemoveMargin", Use: "remove-margin [position-id] [amount]", Short: "Take margin out while the position stays above initial margin",
					Example:        "agorad tx margin remove-margin 1 50000000uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "position_id"}, {ProtoField: "amount"}},
				},
				{
					RpcMethod: "ClosePosition", Use: "close [position-id]", Short: "Close a position (--fraction 0.5 for half; --price-limit worst fill)",
					Example:        "agorad tx margin close 1 --fraction 1 --price-limit 59000 --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "position_id"}},
				},
				{
					RpcMethod: "SetTriggers", Use: "set-triggers [position-id]", Short: "Set take-profit and stop-loss (oracle price, quote per base; 0 clears)",
					Example:        "agorad tx margin set-triggers 1 --take-profit 66000 --stop-loss 57000 --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "position_id"}},
				},
				{
					RpcMethod: "LiquidatePosition", Use: "liquidate [position-id]", Short: "Close a position below maintenance margin (anyone)",
					Example:        "agorad tx margin liquidate 7 --from bob",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "position_id"}},
				},
				{
					RpcMethod: "FundInsurance", Use: "fund-insurance [pair] [amount]", Short: "Add to a pair's insurance fund (its quote denom)",
					Example:        "agorad tx margin fund-insurance ubtc/uusdc 1000000000uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pair"}, {ProtoField: "amount"}},
				},
				{RpcMethod: "SetMarginPair", Skip: true}, // governance only
				{RpcMethod: "UpdateParams", Skip: true},  // governance only
			},
		},
	}
}
