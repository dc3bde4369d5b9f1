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
			Service:              marginv1.Query_serviceDesc.ServiceName,
			EnhanceCustomCommand: true, // adds these to client/cli's GetQueryCmd
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
				// The simulate queries are client/cli/simulate.go's: a refusal
				// prints alone in text output, without the empty position.
				{RpcMethod: "SimulateOpen", Skip: true},
				{RpcMethod: "SimulateClose", Skip: true},
				{RpcMethod: "SimulateAddMargin", Skip: true},
				{RpcMethod: "SimulateRemoveMargin", Skip: true},
				{RpcMethod: "SimulateSetTriggers", Skip: true},
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
