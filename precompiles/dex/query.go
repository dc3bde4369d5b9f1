package dex

import (
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// pool returns a pool's denoms, reserves, fee, shares, share denom and
// paused flag.
func (p Precompile) pool(ctx sdk.Context, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct{ PoolId uint64 }
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	pool, err := p.keeper.GetPool(ctx, in.PoolId)
	if err != nil {
		return nil, err
	}
	denoms := make([]string, len(pool.Reserves))
	reserves := make([]*big.Int, len(pool.Reserves))
	for i, c := range pool.Reserves {
		denoms[i] = c.Denom
		reserves[i] = c.Amount.BigInt()
	}
	return method.Outputs.Pack(denoms, reserves, pool.SwapFee.BigInt(), pool.TotalShares.BigInt(), pool.ShareDenom, pool.Paused)
}

// twap is twapOf's arithmetic TWAP against a two-asset pool's other denom.
func (p Precompile) twap(ctx sdk.Context, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct {
		PoolId          uint64
		Base            string
		LookbackSeconds uint64
	}
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	pool, err := p.keeper.GetPool(ctx, in.PoolId)
	if err != nil {
		return nil, err
	}
	if len(pool.Reserves) != 2 {
		return nil, errorsmod.Wrapf(dextypes.ErrInvalidDenom, "pool %d has %d assets: name the quote denom with twapOf", in.PoolId, len(pool.Reserves))
	}
	quote := pool.Reserves[0].Denom
	if quote == in.Base {
		quote = pool.Reserves[1].Denom
	}
	arithmetic, _, err := p.lookbackTWAP(ctx, in.PoolId, in.Base, quote, in.LookbackSeconds)
	if err != nil {
		return nil, err
	}
	return method.Outputs.Pack(arithmetic.BigInt())
}

// twapOf returns the arithmetic and geometric TWAP of base in quote.
func (p Precompile) twapOf(ctx sdk.Context, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct {
		PoolId          uint64
		Base            string
		Quote           string
		LookbackSeconds uint64
	}
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	arithmetic, geometric, err := p.lookbackTWAP(ctx, in.PoolId, in.Base, in.Quote, in.LookbackSeconds)
	if err != nil {
		return nil, err
	}
	return method.Outputs.Pack(arithmetic.BigInt(), geometric.BigInt())
}

// lookbackTWAP is x/dex's TWAP over [now − lookback, now]; x/dex refuses a
// window older than its records (twap_window) with its own error.
func (p Precompile) lookbackTWAP(ctx sdk.Context, poolID uint64, base, quote string, lookback uint64) (sdkmath.LegacyDec, sdkmath.LegacyDec, error) {
	window, err := p.keeper.TwapWindow(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, err
	}
	if lookback == 0 || lookback > uint64(window/time.Second) {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, errorsmod.Wrapf(dextypes.ErrInvalidTime,
			"lookbackSeconds must be between 1 and the TWAP window %d, got %d", uint64(window/time.Second), lookback)
	}
	end := ctx.BlockTime()
	start := end.Add(-time.Duration(lookback) * time.Second) //nolint:gosec // bounded by the window above
	return p.keeper.TWAP(ctx, poolID, base, quote, start, end)
}

// quoteExactIn prices selling amountIn of denomIn along the route now.
func (p Precompile) quoteExactIn(ctx sdk.Context, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct {
		Route    []Hop
		DenomIn  string
		AmountIn *big.Int
	}
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	amount, err := amountArg("amountIn", in.AmountIn)
	if err != nil {
		return nil, err
	}
	res, err := p.keeper.SimulateSwapExactIn(ctx, toRoute(in.Route), sdk.Coin{Denom: in.DenomIn, Amount: amount})
	if err != nil {
		return nil, err
	}
	return method.Outputs.Pack(res.TokenOut.Amount.BigInt())
}

// quoteExactOut prices buying amountOut of the route's last denom now.
func (p Precompile) quoteExactOut(ctx sdk.Context, method *abi.Method, args []interface{}) ([]byte, error) {
	var in struct {
		Route     []Hop
		DenomIn   string
		AmountOut *big.Int
	}
	if err := method.Inputs.Copy(&in, args); err != nil {
		return nil, err
	}
	amount, err := amountArg("amountOut", in.AmountOut)
	if err != nil {
		return nil, err
	}
	route := toRoute(in.Route)
	if err := dextypes.ValidateRoute(route, in.DenomIn); err != nil {
		return nil, err
	}
	res, err := p.keeper.SimulateSwapExactOut(ctx, route, in.DenomIn, sdk.Coin{Denom: route[len(route)-1].DenomOut, Amount: amount})
	if err != nil {
		return nil, err
	}
	return method.Outputs.Pack(res.TokenIn.Amount.BigInt())
}
