package devgenesis

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/app"
	margintypes "github.com/agora-labs/agora/x/margin/types"
)

// MarginSeedInsurance is what the seeding account puts in each devnet margin
// pair's insurance fund at genesis: 10,000 USDC.
var MarginSeedInsurance = sdkmath.NewInt(10_000_000_000)

// MarginSeedPairs are the margin pairs every devnet and localnet lists, all
// against USDC over the seed pools and lend markets: BTC and ETH up to 10×
// (maintenance 5 %, penalty 2 %), AGR up to 5× (maintenance 8 %, penalty
// 3 %); max slippage 5 %; open-interest caps of about 1.2M USD per side.
func MarginSeedPairs() []margintypes.MarginPair {
	d := sdkmath.LegacyMustNewDecFromStr
	mk := func(base, lev, mm, pen string, oiCap int64) margintypes.MarginPair {
		return margintypes.MarginPair{
			BaseDenom: base, QuoteDenom: "uusdc", MaxLeverage: d(lev), MaintenanceMargin: d(mm), LiquidationPenalty: d(pen),
			MaxOpenInterestLong: sdkmath.NewInt(oiCap), MaxOpenInterestShort: sdkmath.NewInt(oiCap), MaxSlippage: d("0.05"),
		}
	}
	return []margintypes.MarginPair{
		mk("ubtc", "10", "0.05", "0.02", 20_000_000),       // 20 BTC per side
		mk("ueth", "10", "0.05", "0.02", 400_000_000),      // 400 ETH per side
		mk("uagr", "5", "0.08", "0.03", 1_000_000_000_000), // 1,000,000 AGR per side
	}
}

// SeedMargin lists MarginSeedPairs and funds each pair's insurance fund with
// MarginSeedInsurance from the seeding account (the coins move to the margin
// module account, which the module's balance invariant requires).
func SeedMargin(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error {
	holder, ok := seedHolder(accounts)
	if !ok {
		return fmt.Errorf("margin seed: no account to fund the insurance funds")
	}
	var mg margintypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[margintypes.ModuleName], &mg); err != nil {
		return fmt.Errorf("margin genesis: %w", err)
	}
	total := sdkmath.ZeroInt()
	for _, p := range MarginSeedPairs() {
		mg.Pairs = append(mg.Pairs, p)
		mg.InsuranceFunds = append(mg.InsuranceFunds, margintypes.InsuranceFund{Pair: p.ID(), Balance: sdk.NewCoin(p.QuoteDenom, MarginSeedInsurance)})
		total = total.Add(MarginSeedInsurance)
	}
	if err := mg.Validate(); err != nil {
		return fmt.Errorf("margin seed: %w", err)
	}
	gen[margintypes.ModuleName] = cdc.MustMarshalJSON(&mg)

	var bankGen banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bankGen); err != nil {
		return fmt.Errorf("bank genesis: %w", err)
	}
	funds := sdk.NewCoins(sdk.NewCoin("uusdc", total))
	found := false
	for i := range bankGen.Balances {
		if bankGen.Balances[i].Address != holder.String() {
			continue
		}
		left, neg := bankGen.Balances[i].Coins.SafeSub(funds...)
		if neg {
			return fmt.Errorf("margin seed: %s holds %s, less than the insurance funds %s", holder, bankGen.Balances[i].Coins, funds)
		}
		bankGen.Balances[i].Coins, found = left, true
	}
	if !found {
		return fmt.Errorf("margin seed: %s has no genesis balance", holder)
	}
	bankGen.Balances = addBalance(bankGen.Balances, authtypes.NewModuleAddress(margintypes.ModuleName), funds)
	gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)
	return nil
}
