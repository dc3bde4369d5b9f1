package synth

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	synthv1 "github.com/agora-labs/agora/x/synth/types"
)

func pos(fields ...string) []*autocliv1.PositionalArgDescriptor {
	out := make([]*autocliv1.PositionalArgDescriptor, len(fields))
	for i, f := range fields {
		out[i] = &autocliv1.PositionalArgDescriptor{ProtoField: f}
	}
	return out
}

// AutoCLIOptions describes the CLI generated from the gRPC services:
// `agorad query synth ...` and `agorad tx synth ...`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: synthv1.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show x/synth's parameters"},
				{RpcMethod: "Collaterals", Use: "collaterals", Short: "List the staking collaterals with their totals and redistribution accumulators"},
				{RpcMethod: "Synths", Use: "synths", Short: "List the synths: supply, price, value, reference price, volatility, suspension"},
				{RpcMethod: "Pool", Use: "pool", Short: "The pool debt (USD value of all synths), its composition, debt shares, fee pool and deficit"},
				{
					RpcMethod: "Position", Use: "position [owner] [denom]", Short: "A staker's position: collateral, debt, ratio, claimable fees, max mint",
					Example: "agorad query synth position $(agorad keys show alice -a) uagr", PositionalArgs: pos("owner", "denom"),
				},
				{
					RpcMethod: "Positions", Use: "positions [owner]", Short: "A staker's positions",
					Example: "agorad query synth positions $(agorad keys show alice -a)", PositionalArgs: pos("owner"),
				},
				{
					RpcMethod: "Exchange", Use: "exchange [id]", Short: "An exchange: pending (and what it waits for), settled or refunded",
					Example: "agorad query synth exchange 1", PositionalArgs: pos("id"),
				},
				{
					RpcMethod: "Exchanges", Use: "exchanges [owner]", Short: "An owner's pending and recent exchanges",
					Example: "agorad query synth exchanges $(agorad keys show alice -a)", PositionalArgs: pos("owner"),
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: synthv1.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Stake", Use: "stake [amount]", Short: "Stake collateral (its denom names the collateral)",
					Example: "agorad tx synth stake 1000000000uagr --from alice", PositionalArgs: pos("amount"),
				},
				{
					RpcMethod: "Unstake", Use: "unstake [amount]", Short: "Unstake collateral (the ratio must stay at or above the issuance ratio)",
					Example: "agorad tx synth unstake 100000000uagr --from alice", PositionalArgs: pos("amount"),
				},
				{
					RpcMethod: "Mint", Use: "mint [denom] [amount]", Short: "Mint synth/USD (micro-units) against your position in denom",
					Example: "agorad tx synth mint uagr 100000000 --from alice", PositionalArgs: pos("denom", "amount"),
				},
				{
					RpcMethod: "Burn", Use: "burn [denom] [amount]", Short: "Burn synth/USD (micro-units) to reduce your position's debt",
					Example: "agorad tx synth burn uagr 50000000 --from alice", PositionalArgs: pos("denom", "amount"),
				},
				{
					RpcMethod: "Exchange", Use: "exchange [amount] [to-denom] [min-out]",
					Short:   "Exchange a synth; it settles at the first oracle price published after the block that includes it (query synth exchange [id])",
					Example: "agorad tx synth exchange 10000000synth/USD synth/BTC 0 --from alice", PositionalArgs: pos("amount", "to_denom", "min_out"),
				},
				{
					RpcMethod: "LiquidateStaker", Use: "liquidate-staker [staker] [denom]", Short: "Liquidate a position below its liquidation ratio (you receive the liquidation reward)",
					Example: "agorad tx synth liquidate-staker agora1... uagr --from bob", PositionalArgs: pos("staker", "denom"),
				},
				{
					RpcMethod: "ClaimFees", Use: "claim-fees [denom]", Short: "Claim your position's exchange fees (synth/USD)",
					Example: "agorad tx synth claim-fees uagr --from alice", PositionalArgs: pos("denom"),
				},
				{RpcMethod: "SetCollateral", Skip: true},
				{RpcMethod: "SetSynth", Skip: true},
				{RpcMethod: "ResumeSynth", Skip: true},
				{RpcMethod: "UpdateParams", Skip: true},
			},
		},
	}
}
