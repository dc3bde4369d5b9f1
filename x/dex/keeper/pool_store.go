package keeper

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/x/dex/types"
)

// GetPool loads a pool or returns ErrPoolNotFound.
func (k Keeper) GetPool(ctx context.Context, id uint64) (types.Pool, error) {
	p, err := k.Pools.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Pool{}, errorsmod.Wrapf(types.ErrPoolNotFound, "pool %d does not exist", id)
	}
	return p, err
}

// CheckPoolActive reports whether pool poolID may trade: nil, or
// ErrPoolNotFound, or ErrPaused when the pool or the whole exchange is
// paused by governance. Other modules (the oracle's guard) call it.
func (k Keeper) CheckPoolActive(ctx context.Context, poolID uint64) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	_, err = k.getActivePool(ctx, params, poolID)
	return err
}

// checkNotPaused refuses anything but exits while the exchange is paused.
func checkNotPaused(params types.Params) error {
	if params.Paused {
		return errorsmod.Wrap(types.ErrPaused, "the exchange is paused by governance")
	}
	return nil
}

// getActivePool loads a pool that may trade: it exists and neither it nor
// the module is paused.
func (k Keeper) getActivePool(ctx context.Context, params types.Params, id uint64) (types.Pool, error) {
	if err := checkNotPaused(params); err != nil {
		return types.Pool{}, err
	}
	p, err := k.GetPool(ctx, id)
	if err != nil {
		return p, err
	}
	if p.Paused {
		return p, errorsmod.Wrapf(types.ErrPaused, "pool %d is paused by governance", id)
	}
	return p, nil
}

// savePool stores a pool whose denoms are already indexed and marks it
// touched (transient store), so EndBlock writes its TWAP records.
func (k Keeper) savePool(ctx context.Context, p types.Pool) error {
	if err := k.Pools.Set(ctx, p.Id, p); err != nil {
		return err
	}
	return k.TouchedPools.Set(ctx, p.Id)
}

// insertPool stores a new pool with its indexes and LP share metadata.
func (k Keeper) insertPool(ctx context.Context, p types.Pool) error {
	if err := k.PoolByKey.Set(ctx, p.Key(), p.Id); err != nil {
		return err
	}
	for _, d := range p.Denoms() {
		if err := k.PoolsByDenom.Set(ctx, collections.Join(d, p.Id)); err != nil {
			return err
		}
	}
	k.setShareMetadata(ctx, p)
	return k.savePool(ctx, p)
}

// setShareMetadata registers the bank metadata of a pool's LP shares:
// base unit "dex/pool/{id}" (exponent 0), display e.g. "AGR-USDC LP #1".
func (k Keeper) setShareMetadata(ctx context.Context, p types.Pool) {
	symbols := make([]string, len(p.Reserves))
	for i, d := range p.Denoms() {
		symbols[i] = d
		if md, ok := k.bank.GetDenomMetaData(ctx, d); ok && md.Symbol != "" {
			symbols[i] = md.Symbol
		}
	}
	name := fmt.Sprintf("%s LP #%d", strings.Join(symbols, "-"), p.Id)
	k.bank.SetDenomMetaData(ctx, banktypes.Metadata{
		Description: fmt.Sprintf("Liquidity provider shares of Agora dex pool %d (%s)", p.Id, strings.Join(p.Denoms(), ", ")),
		DenomUnits:  []*banktypes.DenomUnit{{Denom: p.ShareDenom, Exponent: 0}},
		Base:        p.ShareDenom,
		Display:     p.ShareDenom,
		Name:        name,
		Symbol:      strings.Join(symbols, "-") + "-LP",
	})
}

// IteratePools calls fn for every pool by id until it returns true.
func (k Keeper) IteratePools(ctx context.Context, fn func(types.Pool) (stop bool, err error)) error {
	it, err := k.Pools.Iterate(ctx, nil)
	if err != nil {
		return err
	}
	defer it.Close()
	for ; it.Valid(); it.Next() {
		p, err := it.Value()
		if err != nil {
			return err
		}
		stop, err := fn(p)
		if err != nil || stop {
			return err
		}
	}
	return nil
}

// poolIDsWithDenom lists the ids of pools holding denom, ascending.
func (k Keeper) poolIDsWithDenom(ctx context.Context, denom string) ([]uint64, error) {
	it, err := k.PoolsByDenom.Iterate(ctx, collections.NewPrefixedPairRange[string, uint64](denom))
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var ids []uint64
	for ; it.Valid(); it.Next() {
		key, err := it.Key()
		if err != nil {
			return nil, err
		}
		ids = append(ids, key.K2())
	}
	return ids, nil
}
