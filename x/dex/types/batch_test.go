package types_test

import (
	"math/rand"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	dexmath "github.com/agora-labs/agora/x/dex/math"
	"github.com/agora-labs/agora/x/dex/types"
)

// A lone order cleared by Pool.ClearPair leaves the pool exactly as
// Pool.SwapExactIn does (protocol fee included), on both curves; a
// two-sided batch never lowers the invariant and pays the protocol its
// share of both sides' fees.
func TestClearPairMatchesSwap(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	share := sdkmath.LegacyNewDecWithPrec(25, 2)
	now := time.Unix(1_700_000_000, 0)
	for n := 0; n < 200; n++ {
		typ := types.POOL_TYPE_CONSTANT_PRODUCT
		if n%2 == 1 {
			typ = types.POOL_TYPE_STABLESWAP
		}
		p := randomPool(r, typ, 2)
		dx, dy := p.Reserves[0].Denom, p.Reserves[1].Denom
		amount := sdkmath.NewInt(1 + r.Int63n(p.Reserves[0].Amount.Int64()/3))
		hop, want, err := p.SwapExactIn(dx, dy, amount, now, share)
		c, got, cerr := p.ClearPair(dx, dy, []dexmath.BatchOrder{{Side: dexmath.SideSellX, Amount: amount}}, nil, now, share)
		require.NoError(t, cerr)
		if err != nil {
			require.False(t, c.Filled[0])
			continue
		}
		require.True(t, hop.TokenOut.Amount.Equal(c.Out[0]), "out %s vs %s", hop.TokenOut.Amount, c.Out[0])
		require.Equal(t, want.Reserves.String(), got.Reserves.String())
		require.True(t, hop.ProtocolFee.Amount.Equal(c.ProtocolFees[0]))

		other := sdkmath.NewInt(1 + r.Int63n(p.Reserves[1].Amount.Int64()/3))
		c, after, err := p.ClearPair(dx, dy, []dexmath.BatchOrder{
			{Side: dexmath.SideSellX, Amount: amount}, {Side: dexmath.SideSellY, Amount: other},
		}, nil, now, share)
		require.NoError(t, err)
		curve, err := p.Curve()
		require.NoError(t, err)
		require.NoError(t, curve.SwapInvariantHolds(p, after, now))
		if c.Filled[0] && c.Filled[1] {
			require.True(t, c.ProtocolFees[0].Equal(types.ProtocolFee(c.Fees[0], share)))
			require.True(t, c.ProtocolFees[1].Equal(types.ProtocolFee(c.Fees[1], share)))
		}
	}
}
