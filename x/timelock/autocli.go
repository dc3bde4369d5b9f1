package timelock

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	timelockv1 "github.com/agora-labs/agora/x/timelock/types"
)

// AutoCLIOptions describes the CLI generated from the gRPC services:
// `agorad query timelock ...` and `agorad tx timelock ...`. MsgSchedule is
// only ever sent inside a governance proposal (see README), so it has no tx
// command.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: timelockv1.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show x/timelock's parameters (the delay)", Example: "agorad query timelock params -o json"},
				{
					RpcMethod: "Operations", Use: "operations", Short: "Queued operations by id, each with its eta and seconds left (paginated)",
					Example: "agorad query timelock operations -o json",
				},
				{
					RpcMethod: "Operation", Use: "operation [id]", Short: "One queued operation with its eta and seconds left",
					Example: "agorad query timelock operation 1 -o json", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: timelockv1.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Cancel", Use: "cancel [id]",
					Short:          "Cancel a queued operation (governance, or a guardian holding a circuit-breaker permission)",
					Example:        "agorad tx timelock cancel 2 --from guardian --fees 25000uagr -y",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{RpcMethod: "Schedule", Skip: true},     // governance only, inside a proposal
				{RpcMethod: "UpdateParams", Skip: true}, // the timelock itself, scheduled by governance
			},
		},
	}
}
