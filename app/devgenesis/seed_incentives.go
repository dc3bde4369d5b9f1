package devgenesis

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/agora-labs/agora/app"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	incentivestypes "github.com/agora-labs/agora/x/incentives/types"
)

// Devnet liquidity rewards: 1 AGR a block from the community pool (funded
// with IncentivesSeedCommunityPool by the seeding account), split 0.5 /
// 0.25 / 0.25 over the three seed pools; a 30-day gauge of 10,000 USDC on
// pool 2 (BTC/USDC) starting at genesis; a tenth of the seeding account's LP
// shares of each seed pool bonded, so APRs show at once; unbonding 30 s.
var (
	IncentivesSeedCommunityPool = sdk.NewCoins(sdk.NewInt64Coin("uagr", 100_000_000_000)) // 100,000 AGR
	IncentivesSeedGauge         = sdk.NewCoins(sdk.NewInt64Coin("uusdc", 10_000_000_000)) // 10,000 USDC
)

// IncentivesSeedGaugeSeconds is the seed gauge's duration: 30 days.
const IncentivesSeedGaugeSeconds = 30 * 24 * 3600

// SeedIncentives writes the devnet's emissions, weights, gauge and bonds
// (after SeedDexPools).
func SeedIncentives(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error {
	holder, ok := seedHolder(accounts)
	if !ok {
		return fmt.Errorf("incentives seed: no seeding account")
	}
	var ig incentivestypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[incentivestypes.ModuleName], &ig); err != nil {
		return fmt.Errorf("incentives genesis: %w", err)
	}
	var bankGen banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bankGen); err != nil {
		return fmt.Errorf("bank genesis: %w", err)
	}
	var distrGen distrtypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[distrtypes.ModuleName], &distrGen); err != nil {
		return fmt.Errorf("distribution genesis: %w", err)
	}
	hi := -1
	for i := range bankGen.Balances {
		if bankGen.Balances[i].Address == holder.String() {
			hi = i
		}
	}
	if hi < 0 {
		return fmt.Errorf("incentives seed: %s has no genesis balance", holder)
	}
	take := func(c sdk.Coins) error {
		left, neg := bankGen.Balances[hi].Coins.SafeSub(c...)
		if neg {
			return fmt.Errorf("incentives seed: %s holds %s, less than %s", holder, bankGen.Balances[hi].Coins, c)
		}
		bankGen.Balances[hi].Coins = left
		return nil
	}

	ig.Params.UnbondingPeriodSeconds = 30
	ig.Params.EmissionPerBlock = sdkmath.NewInt(1_000_000)
	d := sdkmath.LegacyMustNewDecFromStr
	ig.PoolWeights = []incentivestypes.PoolWeight{{PoolId: 1, Weight: d("0.5")}, {PoolId: 2, Weight: d("0.25")}, {PoolId: 3, Weight: d("0.25")}}

	moduleCoins := sdk.NewCoins()
	for id := uint64(1); id <= uint64(len(DexSeedPools)); id++ {
		denom := dextypes.ShareDenom(id)
		bond := bankGen.Balances[hi].Coins.AmountOf(denom).QuoRaw(10)
		if !bond.IsPositive() {
			return fmt.Errorf("incentives seed: %s holds no %s", holder, denom)
		}
		c := sdk.NewCoins(sdk.NewCoin(denom, bond))
		if err := take(c); err != nil {
			return err
		}
		moduleCoins = moduleCoins.Add(c...)
		ig.Bonds = append(ig.Bonds, incentivestypes.Bond{Owner: holder.String(), PoolId: id, Shares: bond})
		ig.Pools = append(ig.Pools, incentivestypes.PoolState{PoolId: id, TotalBonded: bond})
	}

	if err := take(IncentivesSeedGauge); err != nil {
		return err
	}
	moduleCoins = moduleCoins.Add(IncentivesSeedGauge...)
	ig.NextGaugeId = max(ig.NextGaugeId, 1)
	ig.Gauges = append(ig.Gauges, incentivestypes.Gauge{
		Id: ig.NextGaugeId, PoolId: 2, Creator: holder.String(), Coins: IncentivesSeedGauge,
		StartTime: 0, DurationSeconds: IncentivesSeedGaugeSeconds, Released: sdk.NewCoins(), Unallocated: sdk.NewCoins(),
	})
	ig.NextGaugeId++
	if err := ig.Validate(); err != nil {
		return fmt.Errorf("incentives seed: %w", err)
	}
	gen[incentivestypes.ModuleName] = cdc.MustMarshalJSON(&ig)

	if err := take(IncentivesSeedCommunityPool); err != nil {
		return err
	}
	distrGen.FeePool.CommunityPool = distrGen.FeePool.CommunityPool.Add(sdk.NewDecCoinsFromCoins(IncentivesSeedCommunityPool...)...)
	gen[distrtypes.ModuleName] = cdc.MustMarshalJSON(&distrGen)

	bankGen.Balances = addBalance(bankGen.Balances, authtypes.NewModuleAddress(incentivestypes.ModuleName), moduleCoins)
	bankGen.Balances = addBalance(bankGen.Balances, authtypes.NewModuleAddress(distrtypes.ModuleName), IncentivesSeedCommunityPool)
	gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)
	return nil
}
