package dex

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	dexv1 "github.com/agora-labs/agora/x/dex/types"
)

// AutoCLIOptions describes the CLI generated from the gRPC services:
// `agorad query dex ...` and `agorad tx dex ...`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: dexv1.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the exchange's parameters"},
				{
					RpcMethod: "Pool", Use: "pool [pool-id]", Short: "Show a pool",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}},
				},
				{RpcMethod: "Pools", Use: "pools", Short: "List pools (--denom to keep those holding a denom)"},
				{
					RpcMethod: "SimulateSwapExactIn", Use: "simulate-exact-in [token-in]",
					Short:          "Price selling token-in along a route",
					Example:        "agorad query dex simulate-exact-in 1000000uagr --route-pool-ids 1,3 --route-denoms-out uusdc,ueth",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "token_in"}},
				},
				{
					RpcMethod: "SimulateSwapExactOut", Use: "simulate-exact-out [denom-in] [token-out]",
					Short:          "Price buying token-out with denom-in along a route",
					Example:        "agorad query dex simulate-exact-out uagr 1000000ueth --route-pool-ids 1,3 --route-denoms-out uusdc,ueth",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom_in"}, {ProtoField: "token_out"}},
				},
				{
					RpcMethod: "BestRoute", Use: "best-route [token-in] [denom-out]",
					Short:          "Find the route paying the most for token-in",
					Example:        "agorad query dex best-route 1000000uagr ubtc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "token_in"}, {ProtoField: "denom_out"}},
				},
				{
					RpcMethod: "SpotPrice", Use: "spot-price [pool-id] [base-denom] [quote-denom]",
					Short: "Marginal price of base in quote",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "pool_id"}, {ProtoField: "base_denom"}, {ProtoField: "quote_denom"},
					},
				},
				{
					RpcMethod: "Positions", Use: "positions [address]", Short: "An account's LP shares and their value",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod: "Twap", Use: "twap [pool-id] [base-denom] [quote-denom] [start-time]",
					Short:   "Time-weighted average price over [start-time, --end-time or now] (RFC 3339 times)",
					Example: "agorad query dex twap 1 uagr uusdc 2026-01-01T00:00:00Z",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "pool_id"}, {ProtoField: "base_denom"}, {ProtoField: "quote_denom"}, {ProtoField: "start_time"},
					},
				},
				{
					RpcMethod: "SimulateJoinPool", Use: "simulate-join-pool [pool-id] [max-amounts-in]",
					Short:          "Price a balanced join: the shares it mints and the coins it takes",
					Example:        "agorad query dex simulate-join-pool 3 1000000ueth,3000000000uusdc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}, {ProtoField: "max_amounts_in"}},
				},
				{
					RpcMethod: "SimulateExitPool", Use: "simulate-exit-pool [pool-id] [shares-in]",
					Short:          "Price a balanced exit: the coins it pays",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}, {ProtoField: "shares_in"}},
				},
				{
					RpcMethod: "SimulateJoinSingleAsset", Use: "simulate-join-single-asset [pool-id] [token-in]",
					Short:          "Price a single-asset join: shares, fee, price impact",
					Example:        "agorad query dex simulate-join-single-asset 3 1000000ueth",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}, {ProtoField: "token_in"}},
				},
				{
					RpcMethod: "SimulateExitSingleAsset", Use: "simulate-exit-single-asset [pool-id] [shares-in] [denom-out]",
					Short: "Price a single-asset exit: the coin out, fee, price impact",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "pool_id"}, {ProtoField: "shares_in"}, {ProtoField: "denom_out"},
					},
				},
				{
					RpcMethod: "SwapOrder", Use: "swap-order [order-id]",
					Short:          "A queued swap's status (queued, filled, refunded, stopped) and fill, by the order id the swap's tx returned",
					Example:        "agorad query dex swap-order 42",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "order_id"}},
				},
				{
					RpcMethod: "OrderBook", Use: "order-book [pool-id] [base] [quote]",
					Short:          "A pool's open limit orders on base/quote by price level: asks sell base, bids sell quote, best first",
					Example:        "agorad query dex order-book 1 uagr uusdc --limit 20",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}, {ProtoField: "base"}, {ProtoField: "quote"}},
				},
				{
					RpcMethod: "LimitOrder", Use: "limit-order [order-id]",
					Short:          "A limit order: remaining, filled in/out, status (open, filled, cancelled, expired)",
					Example:        "agorad query dex limit-order 7",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "order_id"}},
				},
				{
					RpcMethod: "LimitOrdersByOwner", Use: "limit-orders [owner]",
					Short:          "An account's limit orders (--open-only to leave out closed ones; --reverse for newest first)",
					Example:        "agorad query dex limit-orders agora1... --open-only",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}},
				},
				{
					RpcMethod: "LimitOrderFills", Use: "limit-order-fills [order-id]",
					Short:          "A limit order's fills, one per block it filled in, oldest first",
					Example:        "agorad query dex limit-order-fills 7",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "order_id"}},
				},
				{
					RpcMethod: "PoolStats", Use: "pool-stats [pool-id]",
					Short:          "A pool's swap volume and fees over --window (default 24h) and since its records began",
					Example:        "agorad query dex pool-stats 3 --window 24h",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}},
				},
				{
					RpcMethod: "PoolHistory", Use: "pool-history [pool-id] [start-time]",
					Short:          "A pool's reserves and totals sampled at --points times from start-time to --end-time or now",
					Example:        "agorad query dex pool-history 3 2026-01-01T00:00:00Z --points 24",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}, {ProtoField: "start_time"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              dexv1.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "CreatePool", Use: "create-pool [swap-fee] [initial-liquidity]...",
					Short: "Create a pool with initial liquidity (pays the pool creation fee)",
					Example: "agorad tx dex create-pool 0.003 1000000000ubtc 1000000000ueth --pool-type constant-product --from alice\n" +
						"agorad tx dex create-pool 0.0005 1000000000ubtc 1000000000ueth --pool-type stableswap --amplification 100 --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "swap_fee"}, {ProtoField: "initial_liquidity", Varargs: true}},
				},
				{
					RpcMethod: "JoinPool", Use: "join-pool [pool-id] [min-shares-out] [max-amounts-in]...",
					Short:   "Deposit at most max-amounts-in (one per pool asset) in the pool's ratio",
					Example: "agorad tx dex join-pool 1 1 1000000uagr 1000000uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "pool_id"}, {ProtoField: "min_shares_out"}, {ProtoField: "max_amounts_in", Varargs: true},
					},
				},
				{
					RpcMethod: "ExitPool", Use: "exit-pool [pool-id] [shares-in]",
					Short:          "Withdraw in the pool's ratio (--min-amounts-out to bound slippage)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pool_id"}, {ProtoField: "shares_in"}},
				},
				{
					RpcMethod: "JoinSingleAsset", Use: "join-single-asset [pool-id] [token-in] [min-shares-out]",
					Short: "Deposit one asset",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "pool_id"}, {ProtoField: "token_in"}, {ProtoField: "min_shares_out"},
					},
				},
				{
					RpcMethod: "ExitSingleAsset", Use: "exit-single-asset [pool-id] [shares-in] [denom-out] [min-amount-out]",
					Short: "Withdraw one asset",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "pool_id"}, {ProtoField: "shares_in"}, {ProtoField: "denom_out"}, {ProtoField: "min_amount_out"},
					},
				},
				{
					RpcMethod: "SwapExactIn", Use: "swap-exact-in [token-in] [min-out]",
					Short:          "Sell exactly token-in along --route (JSON list of {pool_id, denom_out})",
					Example:        `agorad tx dex swap-exact-in 1000000uagr 990000 --route '{"pool_id":1,"denom_out":"uusdc"}' --from alice`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "token_in"}, {ProtoField: "min_out"}},
				},
				{
					RpcMethod: "SwapExactOut", Use: "swap-exact-out [denom-in] [token-out] [max-in]",
					Short:          "Buy exactly token-out with denom-in along --route",
					Example:        `agorad tx dex swap-exact-out uagr 1000000uusdc 1010000 --route '{"pool_id":1,"denom_out":"uusdc"}' --from alice`,
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom_in"}, {ProtoField: "token_out"}, {ProtoField: "max_in"}},
				},
				{
					RpcMethod: "PlaceLimitOrder", Use: "place-limit-order [pool-id] [token-in] [denom-out] [limit-price]",
					Short: "Sell token-in for denom-out on a pool at no less than limit-price (denom-out per unit of token-in, fee included); " +
						"rests on the book until filled, cancelled or expired (--expiry-height, --expiry-time; none by default)",
					Example: "agorad tx dex place-limit-order 1 1000000uagr uusdc 0.52 --expiry-height 5000 --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "pool_id"}, {ProtoField: "token_in"}, {ProtoField: "denom_out"}, {ProtoField: "limit_price"},
					},
				},
				{
					RpcMethod: "CancelLimitOrder", Use: "cancel-limit-order [order-id]",
					Short:          "Cancel your open limit order: its unfilled remainder is refunded",
					Example:        "agorad tx dex cancel-limit-order 7 --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "order_id"}},
				},
				{RpcMethod: "UpdateParams", Skip: true},      // governance only
				{RpcMethod: "SetPoolPaused", Skip: true},     // governance only
				{RpcMethod: "RampAmplification", Skip: true}, // governance only
			},
		},
	}
}
