package devgenesis

import (
	"fmt"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/app"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
)

// LendSeedSupply is what the seeding account (the "validator", or the first
// test account when there is none) has supplied to each devnet lend market
// at genesis, so a user can borrow at once: 1,000,000 USDC, 100,000 AGR,
// 10 BTC, 100 ETH.
var LendSeedSupply = sdk.NewCoins(
	sdk.NewInt64Coin("uusdc", 1_000_000_000_000),
	sdk.NewInt64Coin("uagr", 100_000_000_000),
	sdk.NewInt64Coin("ubtc", 10_000_000),
	sdk.NewInt64Coin("ueth", 100_000_000),
)

// LendSeedMarkets are the lend markets every devnet and localnet lists
// (all assets have 6 decimals; kinked rate models with a zero base rate,
// so an idle market accrues nothing; backstops pay stakers 20 % of the
// reserve income, with a 60 s cooldown).
func LendSeedMarkets() []lendtypes.Market {
	d := sdkmath.LegacyMustNewDecFromStr
	stable := lendtypes.KinkedRateModel{Base: d("0"), Slope1: d("0.04"), Slope2: d("0.75"), OptimalUtilization: d("0.8")}
	volatile := lendtypes.KinkedRateModel{Base: d("0"), Slope1: d("0.07"), Slope2: d("3"), OptimalUtilization: d("0.45")}
	mk := func(denom, pair string, ltv, lt, minBonus, maxBonus string, rates lendtypes.KinkedRateModel, supplyCap, borrowCap int64) lendtypes.Market {
		zero := sdkmath.LegacyZeroDec()
		return lendtypes.Market{
			Denom: denom, OraclePair: pair, Decimals: 6,
			CollateralFactor: d(ltv), LiquidationThreshold: d(lt),
			MinLiquidationBonus: d(minBonus), MaxLiquidationBonus: d(maxBonus), HealthFactorForMaxBonus: d("0.9"),
			LiquidationProtocolShare: d("0.1"), ReserveFactor: d("0.1"),
			RateModelType: lendtypes.RATE_MODEL_TYPE_KINKED, Kinked: rates,
			Adaptive: lendtypes.AdaptiveRateModel{
				TargetUtilization: zero, CurveSteepness: zero, AdjustmentSpeed: zero,
				InitialRateAtTarget: zero, MinRateAtTarget: zero, MaxRateAtTarget: zero,
			},
			SupplyCap: sdkmath.NewInt(supplyCap), BorrowCap: sdkmath.NewInt(borrowCap),
			CollateralEnabled: true, BorrowEnabled: true, MinDebtValue: d("1"),
			// Backstop: a fifth of the reserve income to stakers, a
			// one-minute cooldown (short enough to try on a devnet).
			BackstopRewardShare: d("0.2"), BackstopCooldownSeconds: 60,
		}
	}
	return []lendtypes.Market{
		mk("uusdc", "USDC/USD", "0.80", "0.85", "0.04", "0.05", stable, 50_000_000_000_000, 40_000_000_000_000), // 50M / 40M USDC
		mk("uagr", "AGR/USD", "0.50", "0.60", "0.05", "0.10", volatile, 10_000_000_000_000, 5_000_000_000_000),  // 10M / 5M AGR
		mk("ubtc", "BTC/USD", "0.70", "0.75", "0.04", "0.05", volatile, 1_000_000_000, 500_000_000),             // 1,000 / 500 BTC
		mk("ueth", "ETH/USD", "0.70", "0.75", "0.04", "0.05", volatile, 10_000_000_000, 5_000_000_000),          // 10,000 / 5,000 ETH
	}
}

// SeedLendMarkets lists LendSeedMarkets in the lend genesis and records
// LendSeedSupply as supplied by the seeding account: the underlying moves
// from its balance to the lend module account (the market's cash) and it
// holds the receipts lend/{denom}, minted 1:1 (the first supply of a
// market), so module state, receipts and balances agree.
func SeedLendMarkets(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error {
	holder, ok := seedHolder(accounts)
	if !ok {
		return fmt.Errorf("lend seed: no account to supply the seed markets")
	}
	var lendGen lendtypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[lendtypes.ModuleName], &lendGen); err != nil {
		return fmt.Errorf("lend genesis: %w", err)
	}
	// Interest accrues from last_accrual: the genesis time, which the
	// devnet sets to "now" right after the seeds run (a zero time would
	// accrue ~292 years on the first touch).
	start := time.Now().UTC().Truncate(time.Second)
	receipts := sdk.NewCoins()
	for _, m := range LendSeedMarkets() {
		amount := LendSeedSupply.AmountOf(m.Denom)
		s := lendtypes.NewMarketState(m.Denom)
		s.Cash, s.ReceiptSupply = amount, amount
		s.LastAccrual = start
		lendGen.Markets = append(lendGen.Markets, m)
		lendGen.MarketStates = append(lendGen.MarketStates, s)
		receipts = receipts.Add(sdk.NewCoin(lendtypes.ReceiptDenom(m.Denom), amount))
	}
	if err := lendGen.Validate(); err != nil {
		return fmt.Errorf("lend seed: %w", err)
	}
	gen[lendtypes.ModuleName] = cdc.MustMarshalJSON(&lendGen)

	var bankGen banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bankGen); err != nil {
		return fmt.Errorf("bank genesis: %w", err)
	}
	found := false
	for i := range bankGen.Balances {
		if bankGen.Balances[i].Address != holder.String() {
			continue
		}
		found = true
		left, neg := bankGen.Balances[i].Coins.SafeSub(LendSeedSupply...)
		if neg {
			return fmt.Errorf("lend seed: %s holds %s, less than the seed supply %s", holder, bankGen.Balances[i].Coins, LendSeedSupply)
		}
		bankGen.Balances[i].Coins = left
	}
	if !found {
		return fmt.Errorf("lend seed: %s has no genesis balance", holder)
	}
	bankGen.Balances = addBalance(bankGen.Balances, authtypes.NewModuleAddress(lendtypes.ModuleName), LendSeedSupply)
	bankGen.Balances = addBalance(bankGen.Balances, holder, receipts)
	if !bankGen.Supply.Empty() { // the underlying only moved; the receipts are new
		bankGen.Supply = bankGen.Supply.Add(receipts...)
	}
	gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)
	return nil
}
