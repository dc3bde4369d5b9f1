package devgenesis

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/app"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// DexSeedPools are the constant-product pools (0.30% fee) every devnet and
// localnet starts with, priced AGR = 1 USDC, BTC = 60,000 USDC,
// ETH = 3,000 USDC.
var DexSeedPools = []sdk.Coins{
	sdk.NewCoins(sdk.NewInt64Coin("uagr", 1_000_000_000_000), sdk.NewInt64Coin("uusdc", 1_000_000_000_000)), // 1M AGR / 1M USDC
	sdk.NewCoins(sdk.NewInt64Coin("ubtc", 100_000_000), sdk.NewInt64Coin("uusdc", 6_000_000_000_000)),       // 100 BTC / 6M USDC
	sdk.NewCoins(sdk.NewInt64Coin("ueth", 1_000_000_000), sdk.NewInt64Coin("uusdc", 3_000_000_000_000)),     // 1,000 ETH / 3M USDC
}

// SeedDexPools writes DexSeedPools into the dex genesis. The reserves are
// new coins held by the dex module account (added to the bank supply); the
// LP shares of the initial liquidity (all but the 1000 locked) go to the
// "validator" account (or the first test account when there is none).
func SeedDexPools(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error {
	holder, ok := seedHolder(accounts)
	if !ok {
		return fmt.Errorf("dex seed: no account to hold the seed pools' LP shares")
	}
	var dexGen dextypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[dextypes.ModuleName], &dexGen); err != nil {
		return fmt.Errorf("dex genesis: %w", err)
	}
	fee := sdkmath.LegacyNewDecWithPrec(3, 3)
	reserves, shares := sdk.NewCoins(), sdk.NewCoins()
	for _, assets := range DexSeedPools {
		id := dexGen.NextPoolId
		total, err := dextypes.InitialShares(dextypes.POOL_TYPE_CONSTANT_PRODUCT, []sdkmath.Int{assets[0].Amount, assets[1].Amount}, 0)
		if err != nil {
			return err
		}
		dexGen.Pools = append(dexGen.Pools, dextypes.Pool{
			Id: id, Type: dextypes.POOL_TYPE_CONSTANT_PRODUCT, Reserves: assets, SwapFee: fee,
			TotalShares: total, ShareDenom: dextypes.ShareDenom(id), Creator: holder.String(),
		})
		dexGen.NextPoolId++
		reserves = reserves.Add(assets...)
		shares = shares.Add(sdk.NewCoin(dextypes.ShareDenom(id), total.Sub(dextypes.MinimumLiquidity)))
	}
	gen[dextypes.ModuleName] = cdc.MustMarshalJSON(&dexGen)

	var bankGen banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bankGen); err != nil {
		return fmt.Errorf("bank genesis: %w", err)
	}
	moduleAddr := authtypes.NewModuleAddress(dextypes.ModuleName)
	bankGen.Balances = addBalance(bankGen.Balances, moduleAddr, reserves)
	bankGen.Balances = addBalance(bankGen.Balances, holder, shares)
	if !bankGen.Supply.Empty() { // an empty supply is computed from the balances
		bankGen.Supply = bankGen.Supply.Add(reserves...).Add(shares...)
	}
	gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)
	return nil
}

// addBalance adds coins to addr's genesis balance, creating it if needed.
func addBalance(balances []banktypes.Balance, addr sdk.AccAddress, coins sdk.Coins) []banktypes.Balance {
	for i := range balances {
		if balances[i].Address == addr.String() {
			balances[i].Coins = balances[i].Coins.Add(coins...)
			return balances
		}
	}
	return append(balances, banktypes.Balance{Address: addr.String(), Coins: coins})
}

// seedHolder is the account that provides the seeds' liquidity: the
// "validator" account, or the first test account when there is none.
func seedHolder(accounts map[string]sdk.AccAddress) (sdk.AccAddress, bool) {
	if holder, ok := accounts["validator"]; ok {
		return holder, true
	}
	holder, ok := accounts[TestAccountNames[0]]
	return holder, ok
}
