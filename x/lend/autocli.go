package lend

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	lendv1 "github.com/agora-labs/agora/x/lend/types"
)

// AutoCLIOptions describes the CLI generated from the gRPC services:
// `agorad query lend ...` and `agorad tx lend ...`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: lendv1.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the money market's parameters"},
				{
					RpcMethod: "Market", Use: "market [denom]", Short: "Show a market: configuration, state, utilization, exchange rate",
					Example:        "agorad query lend market uusdc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}},
				},
				{RpcMethod: "Markets", Use: "markets", Short: "List the markets"},
				{
					RpcMethod: "Position", Use: "position [address]", Short: "An account's collateral and debt per market",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod: "SimulateSupply", Use: "simulate-supply [address] [amount]", Short: "Position after supplying an asset",
					Example:        "agorad query lend simulate-supply $(agorad keys show alice -a) 1000000uusdc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}, {ProtoField: "amount"}},
				},
				{
					RpcMethod: "SimulateWithdraw", Use: "simulate-withdraw [address] [amount]", Short: "Position after withdrawing (amount in the asset or lend/{denom}; --all)",
					Example:        "agorad query lend simulate-withdraw $(agorad keys show alice -a) 500000uusdc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}, {ProtoField: "amount"}},
				},
				{
					RpcMethod: "SimulateCollateralize", Use: "simulate-collateralize [address] [amount]", Short: "Position after using receipts (lend/{denom}) or a supplied asset as collateral",
					Example:        "agorad query lend simulate-collateralize $(agorad keys show alice -a) 1000000ubtc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}, {ProtoField: "amount"}},
				},
				{
					RpcMethod: "SimulateDecollateralize", Use: "simulate-decollateralize [address] [amount]", Short: "Position after taking receipts out of collateral",
					Example:        "agorad query lend simulate-decollateralize $(agorad keys show alice -a) 1000lend/ubtc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}, {ProtoField: "amount"}},
				},
				{
					RpcMethod: "SimulateBorrow", Use: "simulate-borrow [address] [amount]", Short: "Position after borrowing: health factor, borrow limit, liquidation prices — or the error the tx would fail with",
					Example:        "agorad query lend simulate-borrow $(agorad keys show alice -a) 1000000000uusdc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}, {ProtoField: "amount"}},
				},
				{
					RpcMethod: "SimulateLiquidate", Use: "simulate-liquidate [borrower] [repay-denom] [collateral-denom]",
					Short:   "What a liquidation would repay and pay, its bonus and profit, and the position after it (--liquidator, --max-repay)",
					Example: "agorad query lend simulate-liquidate agora1... uusdc ubtc --liquidator $(agorad keys show bob -a)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "borrower"}, {ProtoField: "repay_denom"}, {ProtoField: "collateral_denom"},
					},
				},
				{RpcMethod: "LiquidatablePositions", Use: "liquidatable", Short: "Positions below health factor 1 (--limit borrowers examined per page, --page-key)"},
				{RpcMethod: "Deficits", Use: "deficits", Short: "Every market's deficit history: bad debt written off and what covered it"},
				{
					RpcMethod: "MarketDeficits", Use: "market-deficits [denom]", Short: "One market's deficit history",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}},
				},
				{
					RpcMethod: "Backstop", Use: "backstop [denom]", Short: "A market's backstop: staked receipts, pending cooldowns, share rate, reward APR",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}},
				},
				{
					RpcMethod: "BackstopStaker", Use: "backstop-staker [address]", Short: "An account's backstop stakes, earnings and cooldowns",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}},
				},
				{
					RpcMethod: "SimulateRepay", Use: "simulate-repay [address] [amount]", Short: "Position after repaying own debt (--all: the whole debt)",
					Example:        "agorad query lend simulate-repay $(agorad keys show alice -a) 1000000uusdc",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "address"}, {ProtoField: "amount"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: lendv1.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "Supply", Use: "supply [amount]", Short: "Supply an asset for lend/{denom} receipts",
					Example:        "agorad tx lend supply 1000000uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "Withdraw", Use: "withdraw [amount]", Short: "Burn free receipts for the asset (amount in the asset or in lend/{denom}; --all)",
					Example:        "agorad tx lend withdraw 500000uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "Collateralize", Use: "collateralize [receipts]", Short: "Use receipts as collateral",
					Example:        "agorad tx lend collateralize 1000000lend/ubtc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "Decollateralize", Use: "decollateralize [receipts]", Short: "Take receipts out of collateral",
					Example:        "agorad tx lend decollateralize 1000lend/ubtc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "SupplyCollateral", Use: "supply-collateral [amount]", Short: "Supply an asset and use the receipts as collateral",
					Example:        "agorad tx lend supply-collateral 100000ubtc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "Borrow", Use: "borrow [amount]", Short: "Borrow an asset against collateral",
					Example:        "agorad tx lend borrow 1000000uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "Repay", Use: "repay [amount]", Short: "Repay debt (--borrower to repay for another account; --all for the exact debt)",
					Example:        "agorad tx lend repay 1000000uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "Liquidate", Use: "liquidate [borrower] [repay-denom] [collateral-denom]",
					Short:   "Repay an unhealthy position's debt for its collateral plus a bonus (--max-repay, --min-collateral-out)",
					Example: "agorad tx lend liquidate agora1... uusdc ubtc --max-repay 1000000000 --min-collateral-out 0 --from bob",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "borrower"}, {ProtoField: "repay_denom"}, {ProtoField: "collateral_denom"},
					},
				},
				{
					RpcMethod: "BackstopStake", Use: "backstop-stake [receipts]", Short: "Stake lend/{denom} receipts in the market's backstop (covers deficits after reserves; earns a share of reserve income)",
					Example:        "agorad tx lend backstop-stake 1000000lend/uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "BackstopUnstake", Use: "backstop-unstake [receipts]", Short: "Start the cooldown of staked receipts (--all: every active share of the market)",
					Example:        "agorad tx lend backstop-unstake 500000lend/uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}},
				},
				{
					RpcMethod: "BackstopClaim", Use: "backstop-claim [denom]", Short: "Claim the receipts of every matured backstop cooldown of a market",
					Example:        "agorad tx lend backstop-claim uusdc --from alice",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "denom"}},
				},
				{RpcMethod: "SetMarket", Skip: true},    // gov only: submit in a proposal
				{RpcMethod: "UpdateParams", Skip: true}, // gov only: submit in a proposal
			},
		},
	}
}
