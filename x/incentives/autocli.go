package incentives

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	incentivesv1 "github.com/agora-labs/agora/x/incentives/types"
)

// AutoCLIOptions describes the CLI generated from the gRPC services:
// `agorad query incentives ...` and `agorad tx incentives ...`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	pos := func(fields ...string) []*autocliv1.PositionalArgDescriptor {
		out := make([]*autocliv1.PositionalArgDescriptor, len(fields))
		for i, f := range fields {
			out[i] = &autocliv1.PositionalArgDescriptor{ProtoField: f}
		}
		return out
	}
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: incentivesv1.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show x/incentives' parameters", Example: "agorad query incentives params -o json"},
				{RpcMethod: "PoolWeights", Use: "pool-weights", Short: "The governed emission weights of the pools", Example: "agorad query incentives pool-weights"},
				{RpcMethod: "Gauges", Use: "gauges", Short: "Gauges with status and remaining coins (--pool-id, --status upcoming|active|finished)", Example: "agorad query incentives gauges --pool-id 1 --status active"},
				{RpcMethod: "PoolIncentives", Use: "pool [pool-id]", Short: "A pool's bonded shares, yearly rewards and APR", Example: "agorad query incentives pool 1", PositionalArgs: pos("pool_id")},
				{RpcMethod: "Bonds", Use: "bonds [owner]", Short: "An owner's bonded LP shares", Example: "agorad query incentives bonds $(agorad keys show alice -a)", PositionalArgs: pos("owner")},
				{RpcMethod: "Unbondings", Use: "unbondings [owner]", Short: "An owner's unbonding shares and when they return", Example: "agorad query incentives unbondings $(agorad keys show alice -a)", PositionalArgs: pos("owner")},
				{RpcMethod: "Claimable", Use: "claimable [owner]", Short: "What a claim would pay now (--pool-id, 0 = all)", Example: "agorad query incentives claimable $(agorad keys show alice -a)", PositionalArgs: pos("owner")},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: incentivesv1.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Bond", Use: "bond [shares]", Short: "Bond LP shares to earn the pool's rewards", Example: "agorad tx incentives bond 1000000dex/pool/1 --from alice", PositionalArgs: pos("shares")},
				{RpcMethod: "Unbond", Use: "unbond [shares]", Short: "Unbond LP shares (returned after the unbonding period; rewards stop now)", Example: "agorad tx incentives unbond 1000000dex/pool/1 --from alice", PositionalArgs: pos("shares")},
				{RpcMethod: "ClaimRewards", Use: "claim [pool-id]", Short: "Claim rewards of a pool (0 = every pool)", Example: "agorad tx incentives claim 0 --from alice", PositionalArgs: pos("pool_id")},
				{
					RpcMethod: "CreateGauge", Use: "create-gauge [pool-id] [coins] [start-time] [duration-seconds]",
					Short:   "Fund a gauge paying coins to the pool's bonded shares linearly (start-time: unix seconds, 0 = now)",
					Example: "agorad tx incentives create-gauge 1 1000000000uusdc 0 604800 --from alice", PositionalArgs: pos("pool_id", "coins", "start_time", "duration_seconds"),
				},
				{RpcMethod: "SetPoolWeights", Skip: true},
				{RpcMethod: "UpdateParams", Skip: true},
			},
		},
	}
}
