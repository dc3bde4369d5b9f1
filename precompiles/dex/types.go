package dex

import (
	"math/big"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// Hop is IAgoraDex.Hop as go-ethereum's ABI decoder fills it.
type Hop struct {
	PoolId   uint64 //nolint:revive // the ABI field poolId
	DenomOut string
}

// toRoute is x/dex's route.
func toRoute(hops []Hop) []dextypes.Hop {
	route := make([]dextypes.Hop, len(hops))
	for i, h := range hops {
		route[i] = dextypes.Hop{PoolId: h.PoolId, DenomOut: h.DenomOut}
	}
	return route
}

// amountArg is a uint256 argument as a positive sdk Int.
func amountArg(name string, v *big.Int) (sdkmath.Int, error) {
	if v == nil || v.Sign() <= 0 {
		return sdkmath.Int{}, errorsmod.Wrapf(dextypes.ErrInvalidAmount, "%s must be positive, got %v", name, v)
	}
	if v.BitLen() > sdkmath.MaxBitLen {
		return sdkmath.Int{}, errorsmod.Wrapf(dextypes.ErrInvalidAmount, "%s is too large", name)
	}
	return sdkmath.NewIntFromBigInt(v), nil
}

// deadlineArg is a unix-seconds deadline as x/dex's; 0 means none.
func deadlineArg(unix uint64) time.Time {
	if unix == 0 {
		return time.Time{}
	}
	return time.Unix(int64(min(unix, uint64(1)<<62)), 0).UTC() //nolint:gosec // capped
}
