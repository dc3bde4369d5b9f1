package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// EndBlock liquidates unsafe vaults, riskiest first, at most
// params.max_liquidations_per_block attempts per block, then burns surplus
// against system debt. Per collateral type it walks the risk index from the
// largest key (the lowest collateral ratio) and stops at the first vault
// that is safe: every later vault is safer, so the cost follows the number
// of vaults at risk. Each liquidation runs in its own cached context with a
// recover; a failure emits EventLiquidationSkipped and EndBlock goes on.
// Then the books: the surplus covers system debt, one AGR leg runs
// (books_agr.go), and after the shutdown one settlement batch
// (settlement.go, settleBatch).
func (k Keeper) EndBlock(goCtx context.Context) error {
	ctx := sdk.UnwrapSDKContext(goCtx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	budget := int(params.MaxLiquidationsPerBlock)
	if down, err := k.IsShutdown(ctx); err != nil || down {
		budget = 0 // no liquidations after the shutdown
	}
	denoms, err := k.typeDenoms(ctx)
	if err != nil {
		return err
	}
	for _, d := range denoms {
		if budget <= 0 {
			break
		}
		ids, err := k.riskiest(ctx, d, budget)
		if err != nil {
			return err
		}
		for _, id := range ids {
			budget--
			err := isolated(ctx, func(ctx sdk.Context) error {
				_, err := k.liquidate(ctx, nil, id)
				return err
			})
			if errors.Is(err, types.ErrNotLiquidatable) {
				break // the rest of this type is safer
			}
			if err != nil {
				k.skipped(ctx, id, err)
				if errors.Is(err, types.ErrPriceUnavailable) {
					break // no vault of this type can be judged
				}
			}
		}
	}
	if err := isolated(ctx, k.coverSystemDebt); err != nil {
		ctx.Logger().Error("cover system debt", "module", types.ModuleName, "err", err)
	}
	if err := isolated(ctx, k.agrLegs); err != nil {
		ctx.Logger().Error("books' AGR legs", "module", types.ModuleName, "err", err)
	}
	if err := isolated(ctx, k.settleBatch); err != nil {
		ctx.Logger().Error("shutdown settlement", "module", types.ModuleName, "err", err)
	}
	return nil
}

// riskiest lists up to n vault ids of a type, lowest collateral ratio first.
func (k Keeper) riskiest(ctx context.Context, denom string, n int) ([]uint64, error) {
	rng := new(collections.Range[RiskKey]).Prefix(collections.TriplePrefix[string, []byte, uint64](denom)).Descending()
	it, err := k.RiskIndex.Iterate(ctx, rng)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var ids []uint64
	for ; it.Valid() && len(ids) < n; it.Next() {
		key, err := it.Key()
		if err != nil {
			return nil, err
		}
		ids = append(ids, key.K3())
	}
	return ids, nil
}

func (k Keeper) skipped(ctx sdk.Context, id uint64, reason error) {
	_ = ctx.EventManager().EmitTypedEvent(&types.EventLiquidationSkipped{VaultId: id, Reason: reason.Error()})
	ctx.Logger().Info("cdp liquidation skipped", "vault", id, "reason", reason.Error())
}
