package oracle

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
)

// AutoCLIOptions generates the oracle's CLI from its gRPC services:
//
//	agorad q oracle params
//	agorad q oracle prices
//	agorad q oracle price BTC USD
//	agorad q oracle historic-median BTC USD
//	agorad q oracle miss-counters
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "agora.oracle.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the oracle's parameters"},
				{RpcMethod: "Prices", Use: "prices", Short: "Show every pair's current price, its age and whether it is stale"},
				{
					RpcMethod: "Price", Use: "price [base] [quote]", Short: "Show one pair's current price, e.g. price BTC USD",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "base"}, {ProtoField: "quote"}},
				},
				{
					RpcMethod: "HistoricMedian", Use: "historic-median [base] [quote]",
					Short:          "Show one pair's median over the historic window, e.g. historic-median BTC USD",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "base"}, {ProtoField: "quote"}},
				},
				{RpcMethod: "MissCounters", Use: "miss-counters", Short: "Show each validator's misses in the current window"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "agora.oracle.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "UpdateParams", Skip: true}, // gov only
			},
		},
	}
}
