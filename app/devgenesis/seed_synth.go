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
	cdptypes "github.com/agora-labs/agora/x/cdp/types"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
	synthtypes "github.com/agora-labs/agora/x/synth/types"
)

// What the seeding account has done with synths at genesis: staked 100,000
// AGR, minted 1,000 synth/USD against it (a ratio of 100 at $1), and seeded
// a synth/USD–AUSD stableswap pool with 500 of each (amplification 200, fee
// 0.05 %); it keeps the other 500 synth/USD. The seed's debt is small on
// purpose: the pool debt is shared by every staker, and a small seed lets a
// test's staker move its own ratio with synth prices only it trades (XAU).
var (
	SynthSeedStake   = sdkmath.NewInt(100_000_000_000)
	SynthSeedMint    = sdkmath.NewInt(1_000_000_000)
	SynthSeedDexSide = sdkmath.NewInt(500_000_000)
	SynthSeedDexAmp  = uint64(200)
	SynthSeedDexFee  = sdkmath.LegacyNewDecWithPrec(5, 4)
)

// XAUPair is the oracle pair of gold, which has no token on chain: only
// synth/XAU uses it.
const XAUPair = "XAU/USD"

// SynthSeedCollateral is the devnet's staking collateral: AGR, issuance 400 %,
// liquidation 150 %, penalty 10 %, cap 10M AGR.
func SynthSeedCollateral() synthtypes.Collateral {
	d := sdkmath.LegacyMustNewDecFromStr
	return synthtypes.Collateral{
		Denom: app.BondDenom, OraclePair: "AGR/USD", Decimals: 6, IssuanceRatio: d("4"), LiquidationRatio: d("1.5"),
		LiquidationPenalty: d("0.1"), Cap: sdkmath.NewInt(10_000_000_000_000),
	}
}

// SynthSeedSynths are the devnet's synths: USD (no fee), BTC, ETH, AGR and
// XAU (0.3 % base fee each), each capped at 100M USD worth at the starting
// prices.
func SynthSeedSynths() []synthtypes.Synth {
	d := sdkmath.LegacyMustNewDecFromStr
	mk := func(sym, pair, fee string, cap int64) synthtypes.Synth {
		return synthtypes.Synth{Symbol: sym, OraclePair: pair, SupplyCap: sdkmath.NewInt(cap), BaseFee: d(fee)}
	}
	return []synthtypes.Synth{
		mk("USD", "", "0", 100_000_000_000_000),
		mk("BTC", "BTC/USD", "0.003", 2_000_000_000),  // 2,000 BTC
		mk("ETH", "ETH/USD", "0.003", 40_000_000_000), // 40,000 ETH
		mk("AGR", "AGR/USD", "0.003", 100_000_000_000_000),
		mk("XAU", XAUPair, "0.003", 50_000_000_000), // 50,000 oz
	}
}

// SeedSynth adds the XAU/USD pair to the oracle, lists SynthSeedCollateral
// and SynthSeedSynths, and records the seeding account's stake, mint and
// synth/USD–AUSD pool (see SynthSeedStake). It runs after SeedCdp (the
// pool's AUSD comes from it). Module state and balances agree, so every
// synth and dex invariant holds from genesis.
func SeedSynth(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error {
	holder, ok := seedHolder(accounts)
	if !ok {
		return fmt.Errorf("synth seed: no account to stake")
	}
	var oracleGen oracletypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[oracletypes.ModuleName], &oracleGen); err != nil {
		return fmt.Errorf("oracle genesis: %w", err)
	}
	if _, listed := oracleGen.Params.Pair(XAUPair); !listed {
		oracleGen.Params.Pairs = append(oracleGen.Params.Pairs, oracletypes.Pair{Name: XAUPair, Denom: synthtypes.SynthDenom("XAU"), Decimals: 6})
	}
	gen[oracletypes.ModuleName] = cdc.MustMarshalJSON(&oracleGen)

	var synthGen synthtypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[synthtypes.ModuleName], &synthGen); err != nil {
		return fmt.Errorf("synth genesis: %w", err)
	}
	coll := SynthSeedCollateral()
	synthGen.Collaterals = append(synthGen.Collaterals, coll)
	cs := synthtypes.NewCollateralState(coll.Denom)
	cs.TotalCollateral, cs.TotalStakes, cs.Positions = SynthSeedStake, SynthSeedStake, 1
	synthGen.CollateralStates = append(synthGen.CollateralStates, cs)
	for _, s := range SynthSeedSynths() {
		synthGen.Synths = append(synthGen.Synths, s)
		synthGen.SynthStates = append(synthGen.SynthStates, synthtypes.NewSynthState(s.Symbol))
	}
	synthGen.Positions = append(synthGen.Positions, synthtypes.Position{
		Owner: holder.String(), Denom: coll.Denom, Collateral: SynthSeedStake, Shares: SynthSeedMint, Stake: SynthSeedStake,
		LCollSnapshot: cs.LColl, LSharesSnapshot: cs.LShares, FeeSnapshot: synthGen.Pool.FeePerShare, UnclaimedFees: sdkmath.ZeroInt(),
	})
	synthGen.Pool.TotalShares = synthGen.Pool.TotalShares.Add(SynthSeedMint) // first mint: one share per µUSD
	if err := synthGen.Validate(); err != nil {
		return fmt.Errorf("synth seed: %w", err)
	}
	gen[synthtypes.ModuleName] = cdc.MustMarshalJSON(&synthGen)

	var dexGen dextypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[dextypes.ModuleName], &dexGen); err != nil {
		return fmt.Errorf("dex genesis: %w", err)
	}
	assets := sdk.NewCoins(sdk.NewCoin(synthtypes.USDDenom, SynthSeedDexSide), sdk.NewCoin(cdptypes.StableDenom, SynthSeedDexSide))
	id := dexGen.NextPoolId
	amounts := []sdkmath.Int{assets[0].Amount, assets[1].Amount}
	total, err := dextypes.InitialShares(dextypes.POOL_TYPE_STABLESWAP, amounts, SynthSeedDexAmp)
	if err != nil {
		return err
	}
	start := time.Now().UTC().Truncate(time.Second)
	dexGen.Pools = append(dexGen.Pools, dextypes.Pool{
		Id: id, Type: dextypes.POOL_TYPE_STABLESWAP, Reserves: assets, SwapFee: SynthSeedDexFee, TotalShares: total,
		ShareDenom: dextypes.ShareDenom(id), Creator: holder.String(),
		Amplification: &dextypes.Amplification{Initial: SynthSeedDexAmp, Future: SynthSeedDexAmp, StartTime: start, EndTime: start},
	})
	dexGen.NextPoolId++
	gen[dextypes.ModuleName] = cdc.MustMarshalJSON(&dexGen)
	shares := sdk.NewCoin(dextypes.ShareDenom(id), total.Sub(dextypes.MinimumLiquidity))

	var bankGen banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bankGen); err != nil {
		return fmt.Errorf("bank genesis: %w", err)
	}
	out := sdk.NewCoins(sdk.NewCoin(app.BondDenom, SynthSeedStake), sdk.NewCoin(cdptypes.StableDenom, SynthSeedDexSide))
	found := false
	for i := range bankGen.Balances {
		if bankGen.Balances[i].Address != holder.String() {
			continue
		}
		found = true
		left, neg := bankGen.Balances[i].Coins.SafeSub(out...)
		if neg {
			return fmt.Errorf("synth seed: %s holds %s, less than %s", holder, bankGen.Balances[i].Coins, out)
		}
		bankGen.Balances[i].Coins = left
	}
	if !found {
		return fmt.Errorf("synth seed: %s has no genesis balance", holder)
	}
	minted := sdk.NewCoin(synthtypes.USDDenom, SynthSeedMint)
	bankGen.Balances = addBalance(bankGen.Balances, authtypes.NewModuleAddress(synthtypes.ModuleName), sdk.NewCoins(sdk.NewCoin(app.BondDenom, SynthSeedStake)))
	bankGen.Balances = addBalance(bankGen.Balances, authtypes.NewModuleAddress(dextypes.ModuleName), assets)
	bankGen.Balances = addBalance(bankGen.Balances, holder, sdk.NewCoins(sdk.NewCoin(synthtypes.USDDenom, SynthSeedMint.Sub(SynthSeedDexSide)), shares))
	if !bankGen.Supply.Empty() { // AGR and AUSD only moved; synth/USD and the LP shares are new
		bankGen.Supply = bankGen.Supply.Add(sdk.NewCoins(minted, shares)...)
	}
	gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)
	return nil
}
