package cdp

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	cdpv1 "github.com/agora-labs/agora/x/cdp/types"
)

func pos(fields ...string) []*autocliv1.PositionalArgDescriptor {
	out := make([]*autocliv1.PositionalArgDescriptor, len(fields))
	for i, f := range fields {
		out[i] = &autocliv1.PositionalArgDescriptor{ProtoField: f}
	}
	return out
}

// AutoCLIOptions describes the CLI generated from the gRPC services:
// `agorad query cdp ...` and `agorad tx cdp ...`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: cdpv1.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show AUSD's parameters"},
				{RpcMethod: "CollateralTypes", Use: "collateral-types", Short: "List the collateral types with their debt, rate and fee APY"},
				{
					RpcMethod: "CollateralType", Use: "collateral-type [denom]", Short: "Show one collateral type",
					Example: "agorad query cdp collateral-type ubtc", PositionalArgs: pos("denom"),
				},
				{
					RpcMethod: "Vault", Use: "vault [id]", Short: "Show a vault: debt, collateral ratio, liquidation price, max mintable",
					Example: "agorad query cdp vault 1", PositionalArgs: pos("id"),
				},
				{
					RpcMethod: "VaultsByOwner", Use: "vaults-by-owner [owner]", Short: "List an owner's vaults",
					Example: "agorad query cdp vaults-by-owner $(agorad keys show alice -a)", PositionalArgs: pos("owner"),
				},
				{
					RpcMethod: "VaultsAtRisk", Use: "vaults-at-risk [denom]", Short: "A collateral type's vaults, lowest collateral ratio first (--limit)",
					Example: "agorad query cdp vaults-at-risk ueth --limit 5", PositionalArgs: pos("denom"),
				},
				{RpcMethod: "StabilityPool", Use: "stability-pool", Short: "The stability pool: deposits, product/sum state, gains held, fee APR"},
				{
					RpcMethod: "PoolDeposit", Use: "pool-deposit [depositor]", Short: "A depositor's stability pool deposit now and its claimable gains",
					Example: "agorad query cdp pool-deposit $(agorad keys show alice -a)", PositionalArgs: pos("depositor"),
				},
				{RpcMethod: "Books", Use: "books", Short: "Surplus, system debt, PSM reserve, AGR bought & burned and minted & sold, the shutdown's settlement, total debt"},
				{RpcMethod: "RedemptionFee", Use: "redemption-fee", Short: "The redemption fee rate now (floor + the decayed base rate)"},
				{
					RpcMethod: "SimulateOpenVault", Use: "simulate-open-vault [owner] [collateral] [mint]",
					Short:   "The vault MsgOpenVault would open (ratio, liquidation price, max mintable) — or the error the tx would fail with",
					Example: "agorad query cdp simulate-open-vault $(agorad keys show alice -a) 1000000ueth 1000000000", PositionalArgs: pos("owner", "collateral", "mint"),
				},
				{
					RpcMethod: "SimulateDeposit", Use: "simulate-deposit [sender] [vault-id] [amount]", Short: "The vault after depositing collateral",
					Example: "agorad query cdp simulate-deposit $(agorad keys show alice -a) 1 1000000", PositionalArgs: pos("sender", "vault_id", "amount"),
				},
				{
					RpcMethod: "SimulateWithdraw", Use: "simulate-withdraw [owner] [vault-id] [amount]", Short: "The vault after withdrawing collateral",
					Example: "agorad query cdp simulate-withdraw $(agorad keys show alice -a) 1 100000", PositionalArgs: pos("sender", "vault_id", "amount"),
				},
				{
					RpcMethod: "SimulateMint", Use: "simulate-mint [owner] [vault-id] [amount]", Short: "The vault after minting uausd",
					Example: "agorad query cdp simulate-mint $(agorad keys show alice -a) 1 500000000", PositionalArgs: pos("sender", "vault_id", "amount"),
				},
				{
					RpcMethod: "SimulateRepay", Use: "simulate-repay [sender] [vault-id] [amount]", Short: "The vault after repaying uausd (--all: the whole debt)",
					Example: "agorad query cdp simulate-repay $(agorad keys show alice -a) 1 500000000", PositionalArgs: pos("sender", "vault_id", "amount"),
				},
				{
					RpcMethod: "SimulatePsmSwap", Use: "simulate-psm-swap [in|out] [amount]",
					Short:   "Quote a PSM swap (in: the PSM's dollar for uausd; out: uausd for the dollar) with its fee, or the refusal",
					Example: "agorad query cdp simulate-psm-swap in 1000000000", PositionalArgs: pos("direction", "amount"),
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: cdpv1.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "OpenVault", Use: "open-vault [collateral] [mint]", Short: "Open a vault: deposit collateral and mint uausd against it",
					Example: "agorad tx cdp open-vault 1000000ueth 1000000000 --from alice", PositionalArgs: pos("collateral", "mint"),
				},
				{
					RpcMethod: "Deposit", Use: "deposit [vault-id] [amount]", Short: "Add collateral to a vault (anyone may)",
					Example: "agorad tx cdp deposit 1 1000000 --from alice", PositionalArgs: pos("vault_id", "amount"),
				},
				{
					RpcMethod: "Withdraw", Use: "withdraw [vault-id] [amount]", Short: "Take collateral out of your vault",
					Example: "agorad tx cdp withdraw 1 100000 --from alice", PositionalArgs: pos("vault_id", "amount"),
				},
				{
					RpcMethod: "Mint", Use: "mint [vault-id] [amount]", Short: "Mint uausd against your vault",
					Example: "agorad tx cdp mint 1 500000000 --from alice", PositionalArgs: pos("vault_id", "amount"),
				},
				{
					RpcMethod: "Repay", Use: "repay [vault-id] [amount]", Short: "Repay a vault's debt (any vault; takes at most what it owes; --all)",
					Example: "agorad tx cdp repay 1 500000000 --from alice", PositionalArgs: pos("vault_id", "amount"),
				},
				{
					RpcMethod: "CloseVault", Use: "close-vault [vault-id]", Short: "Repay all the debt and take back all the collateral",
					Example: "agorad tx cdp close-vault 1 --from alice", PositionalArgs: pos("vault_id"),
				},
				{
					RpcMethod: "TransferVault", Use: "transfer-vault [vault-id] [new-owner]", Short: "Give your vault to another account",
					Example: "agorad tx cdp transfer-vault 1 agora1... --from alice", PositionalArgs: pos("vault_id", "new_owner"),
				},
				{
					RpcMethod: "Liquidate", Use: "liquidate [vault-id]", Short: "Liquidate a vault below its minimum collateral ratio (you receive the liquidation reward)",
					Example: "agorad tx cdp liquidate 7 --from bob", PositionalArgs: pos("vault_id"),
				},
				{
					RpcMethod: "PoolDeposit", Use: "pool-deposit [amount]", Short: "Deposit uausd into the stability pool",
					Example: "agorad tx cdp pool-deposit 1000000000 --from bob", PositionalArgs: pos("amount"),
				},
				{
					RpcMethod: "PoolWithdraw", Use: "pool-withdraw [amount]", Short: "Withdraw uausd from the stability pool with your gains (--all)",
					Example: "agorad tx cdp pool-withdraw 0 --all --from bob", PositionalArgs: pos("amount"),
				},
				{RpcMethod: "ClaimGains", Use: "claim-gains", Short: "Claim your stability pool gains (collateral and AUSD yield)", Example: "agorad tx cdp claim-gains --from bob"},
				{
					RpcMethod: "PsmSwapIn", Use: "psm-swap-in [amount]", Short: "Swap the PSM's dollar (uusdc) for uausd 1:1 less the fee",
					Example: "agorad tx cdp psm-swap-in 1000000 --from alice", PositionalArgs: pos("amount"),
				},
				{
					RpcMethod: "PsmSwapOut", Use: "psm-swap-out [amount]", Short: "Swap uausd for the PSM's dollar 1:1 less the fee",
					Example: "agorad tx cdp psm-swap-out 1000000 --from alice", PositionalArgs: pos("amount"),
				},
				{
					RpcMethod: "Redeem", Use: "redeem [amount] [collateral-type] [max-fee]",
					Short:   "Redeem uausd for $1 of collateral each (less the fee) from the safe vaults with the lowest ratio",
					Example: "agorad tx cdp redeem 1000000000 ueth 0.02 --from alice", PositionalArgs: pos("amount", "collateral_type", "max_fee"),
				},
				{
					RpcMethod: "RedeemSettlement", Use: "redeem-settlement [amount]",
					Short:   "After the emergency shutdown's settlement is fixed: redeem uausd for the same basket of collateral per AUSD as everyone",
					Example: "agorad tx cdp redeem-settlement 1000000000 --from alice", PositionalArgs: pos("amount"),
				},
				{RpcMethod: "SetCollateralType", Skip: true}, // gov only: submit in a proposal
				{RpcMethod: "Shutdown", Skip: true},          // gov only: submit in a proposal
				{RpcMethod: "UpdateParams", Skip: true},      // gov only: submit in a proposal
			},
		},
	}
}
