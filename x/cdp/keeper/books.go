package keeper

import (
	"context"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

func sdkTime(seconds int64) time.Duration { return time.Duration(seconds) * time.Second }

func (k Keeper) updateBooks(ctx context.Context, fn func(b *types.Books)) error {
	b, err := k.Books.Get(ctx)
	if err != nil {
		return err
	}
	fn(&b)
	return k.Books.Set(ctx, b)
}

// addSurplus records AUSD the module now holds as surplus.
func (k Keeper) addSurplus(ctx context.Context, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	return k.updateBooks(ctx, func(b *types.Books) { b.Surplus = b.Surplus.Add(amt) })
}

// addSystemDebt records AUSD left without backing.
func (k Keeper) addSystemDebt(ctx context.Context, amt sdkmath.Int) error {
	if !amt.IsPositive() {
		return nil
	}
	return k.updateBooks(ctx, func(b *types.Books) { b.SystemDebt = b.SystemDebt.Add(amt) })
}

// coverSystemDebt burns surplus against system debt (EndBlock).
func (k Keeper) coverSystemDebt(ctx sdk.Context) error {
	b, err := k.Books.Get(ctx)
	if err != nil {
		return err
	}
	x := sdkmath.MinInt(b.Surplus, b.SystemDebt)
	if !x.IsPositive() {
		return nil
	}
	if err := k.burnStable(ctx, x); err != nil {
		return err
	}
	b.Surplus, b.SystemDebt = b.Surplus.Sub(x), b.SystemDebt.Sub(x)
	if err := k.Books.Set(ctx, b); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventSystemDebtCovered{Amount: x})
}
