package oracle_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	dexkeeper "github.com/agora-labs/agora/x/dex/keeper"
	dextypes "github.com/agora-labs/agora/x/dex/types"
	"github.com/agora-labs/agora/x/oracle/types"
)

// withAGRGuard makes pool guardPool (uagr/uusdc) the governed DEX guard of
// AGR/USD in the genesis.
func withAGRGuard(guardPool uint64) apptest.Option {
	return apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		var gs types.GenesisState
		cdc.MustUnmarshalJSON(gen[types.ModuleName], &gs)
		for i := range gs.Params.Pairs {
			if gs.Params.Pairs[i].Name == "AGR/USD" {
				gs.Params.Pairs[i].DexGuardPoolId = guardPool
				gs.Params.Pairs[i].DexGuardQuoteDenom = "uusdc"
				gs.Params.Pairs[i].DexGuardQuoteDecimals = 6
			}
		}
		gen[types.ModuleName] = cdc.MustMarshalJSON(&gs)
	})
}

func coins(s string) sdk.Coins {
	c, err := sdk.ParseCoinsNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

// createPool creates a constant-product pool; pools with the same denoms
// need different fee tiers (x/dex keeps one pool per denoms, type and fee).
func createPool(t *testing.T, c *apptest.Chain, who, liquidity, fee string) uint64 {
	t.Helper()
	_, err := c.DeliverMsgs(who, &dextypes.MsgCreatePool{
		Sender: c.Address(who).String(), PoolType: dextypes.POOL_TYPE_CONSTANT_PRODUCT,
		InitialLiquidity: coins(liquidity), SwapFee: sdkmath.LegacyMustNewDecFromStr(fee),
	})
	require.NoError(t, err)
	id, err := c.App.DexKeeper.NextPoolID.Peek(c.Ctx())
	require.NoError(t, err)
	return id - 1
}

// advanceWithVotes commits n blocks in which the validator reports AGR/USD
// = 1, so the oracle's own price stays fresh at 1.
func advanceWithVotes(t *testing.T, c *apptest.Chain, n int) {
	for i := 0; i < n; i++ {
		c.NextBlock(votesTx(t, c, map[string]string{"AGR/USD": "1"}))
	}
}

func requireCode(t *testing.T, err error, want *errorsmod.Error) {
	t.Helper()
	require.Error(t, err)
	codespace, code, _ := errorsmod.ABCIInfo(err, false)
	require.Equal(t, want.Codespace(), codespace, err.Error())
	require.Equal(t, want.ABCICode(), code, err.Error())
}

// Security finding 1: the guard used to read "the pool with the largest
// quote reserve now". An attacker holds a thin pool at a wrong price (10)
// for the lookback, then joins it with a large proportional deposit so it
// becomes the deepest, and the guard read its TWAP (AGR debt price 1 → 10).
// With a governed guard pool the join changes nothing.
func TestGuardCannotBeSteeredByDepth(t *testing.T) {
	c := apptest.New(t, withAGRGuard(1))
	honest := createPool(t, c, "alice", "1000000000uagr,1000000000uusdc", "0.003") // 1000 AGR at 1 USDC
	thin := createPool(t, c, "bob", "1000000uagr,10000000uusdc", "0.0001")         // 1 AGR at 10 USDC
	require.Equal(t, uint64(1), honest)
	params, err := c.App.OracleKeeper.Params.Get(c.Ctx())
	require.NoError(t, err)
	advanceWithVotes(t, c, int(params.TwapLookbackSeconds/uint64(apptest.BlockInterval.Seconds()))+2)

	// The attack: a proportional join making the thin pool the deepest.
	_, err = c.DeliverMsgs("bob", &dextypes.MsgJoinPool{
		Sender: c.Address("bob").String(), PoolId: thin,
		MaxAmountsIn: coins("500000000uagr,5000000000uusdc"), MinSharesOut: sdkmath.OneInt(),
	})
	require.NoError(t, err)
	c.NextBlock(votesTx(t, c, map[string]string{"AGR/USD": "1"}))
	ctx := c.Ctx()
	// Precondition: the deepest-pool rule would now pick the thin pool, whose
	// TWAP is 10.
	requireDeeper(t, ctx, c.App.DexKeeper, thin, honest, "uusdc")
	end := ctx.BlockTime()
	start := end.Add(-params.TwapLookback())
	_, thinTWAP, err := c.App.DexKeeper.TWAP(ctx, thin, "uagr", "uusdc", start, end)
	require.NoError(t, err)
	require.True(t, thinTWAP.GT(sdkmath.LegacyNewDec(9)), "thin pool TWAP %s", thinTWAP)

	// The governed guard still reads pool 1: the debt price stays at 1.
	debt, err := c.App.OracleKeeper.DebtPrice(ctx, "AGR/USD")
	require.NoError(t, err)
	require.Equal(t, sdkmath.LegacyOneDec(), debt)
}

func requireDeeper(t *testing.T, ctx sdk.Context, k dexkeeper.Keeper, deeper, than uint64, denom string) {
	t.Helper()
	a, err := k.GetPool(ctx, deeper)
	require.NoError(t, err)
	b, err := k.GetPool(ctx, than)
	require.NoError(t, err)
	ia, _ := a.IndexOf(denom)
	ib, _ := b.IndexOf(denom)
	require.True(t, a.Reserves[ia].Amount.GT(b.Reserves[ib].Amount))
}

// Security finding 2: the guard failed open, any TWAP error dropped it. A
// pair whose guard is configured is now refused (ErrGuardUnavailable) when
// the TWAP cannot be computed: pool missing, lookback not covered, pool
// paused, exchange paused; and a new, deeper pool changes nothing.
func TestGuardFailsClosed(t *testing.T) {
	c := apptest.New(t, withAGRGuard(2))
	k := c.App.OracleKeeper
	advanceWithVotes(t, c, 1)

	// Pool 2 does not exist yet.
	_, err := k.CollateralPrice(c.Ctx(), "AGR/USD")
	requireCode(t, err, types.ErrGuardUnavailable)
	_, err = k.DebtPrice(c.Ctx(), "AGR/USD")
	requireCode(t, err, types.ErrGuardUnavailable)
	// Pairs without a guard are unaffected (none of them has a price here,
	// so they fail for that reason only).
	_, err = k.CollateralPrice(c.Ctx(), "BTC/USD")
	requireCode(t, err, types.ErrPriceNotFound)

	createPool(t, c, "alice", "1000000000uagr,2000000000uusdc", "0.003") // pool 1
	guard := createPool(t, c, "alice", "1000000000uagr,500000000uusdc", "0.0005")
	require.Equal(t, uint64(2), guard) // AGR at 0.5 USDC
	advanceWithVotes(t, c, 2)
	// Created just now: its records do not cover the lookback.
	_, err = k.CollateralPrice(c.Ctx(), "AGR/USD")
	requireCode(t, err, types.ErrGuardUnavailable)

	params, err := k.Params.Get(c.Ctx())
	require.NoError(t, err)
	advanceWithVotes(t, c, int(params.TwapLookbackSeconds/uint64(apptest.BlockInterval.Seconds()))+2)
	col, err := k.CollateralPrice(c.Ctx(), "AGR/USD")
	require.NoError(t, err)
	require.Equal(t, sdkmath.LegacyMustNewDecFromStr("0.5"), col)
	// The feeder's dextwap source reads the same governed pool, and refuses
	// denoms that are not the guard's.
	fed, err := k.GuardPriceOf(c.Ctx(), "AGR/USD", "uagr", "uusdc")
	require.NoError(t, err)
	require.Equal(t, col, fed)
	_, err = k.GuardPriceOf(c.Ctx(), "AGR/USD", "uagr", "ueth")
	requireCode(t, err, types.ErrGuardUnavailable)

	// A new pool with far more quote reserve than the guard changes nothing.
	createPool(t, c, "bob", "1000000000uagr,9000000000uusdc", "0.01")
	advanceWithVotes(t, c, 1)
	col, err = k.CollateralPrice(c.Ctx(), "AGR/USD")
	require.NoError(t, err)
	require.Equal(t, sdkmath.LegacyMustNewDecFromStr("0.5"), col)

	// Pausing the guard pool closes the guard; resuming reopens it.
	gov := app.TimelockAuthority()
	dexMsgs := dexkeeper.NewMsgServerImpl(c.App.DexKeeper)
	_, err = dexMsgs.SetPoolPaused(c.WriteCtx(), &dextypes.MsgSetPoolPaused{Authority: gov, PoolId: guard, Paused: true})
	require.NoError(t, err)
	advanceWithVotes(t, c, 1)
	_, err = k.DebtPrice(c.Ctx(), "AGR/USD")
	requireCode(t, err, types.ErrGuardUnavailable)
	_, err = dexMsgs.SetPoolPaused(c.WriteCtx(), &dextypes.MsgSetPoolPaused{Authority: gov, PoolId: guard, Paused: false})
	require.NoError(t, err)
	advanceWithVotes(t, c, 1)
	_, err = k.DebtPrice(c.Ctx(), "AGR/USD")
	require.NoError(t, err)

	// So does pausing the whole exchange.
	dexParams, err := c.App.DexKeeper.Params.Get(c.Ctx())
	require.NoError(t, err)
	dexParams.Paused = true
	require.NoError(t, c.App.DexKeeper.Params.Set(c.WriteCtx(), dexParams))
	advanceWithVotes(t, c, 1)
	_, err = k.DebtPrice(c.Ctx(), "AGR/USD")
	requireCode(t, err, types.ErrGuardUnavailable)
}
