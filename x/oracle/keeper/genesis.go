package keeper

import (
	errorsmod "cosmossdk.io/errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/oracle/types"
)

// InitGenesis loads the oracle's state. Besides GenesisState.Validate, it
// refuses records from the future: a price, sample or median whose height is
// above the chain's initial height would never become stale.
func (k Keeper) InitGenesis(ctx sdk.Context, gs types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	// InitChain runs at the initial height, or at 0 when that is 1.
	initial := max(ctx.BlockHeight(), 1)
	if err := gs.ValidateHeights(initial); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, p := range gs.Prices {
		if err := k.Prices.Set(ctx, p.Pair, p); err != nil {
			return err
		}
	}
	for _, s := range gs.HistoricSamples {
		if err := k.HistoricSamples.Set(ctx, collections.Join(s.Pair, s.Height), s); err != nil {
			return err
		}
	}
	for _, m := range gs.HistoricMedians {
		if err := k.HistoricMedians.Set(ctx, m.Pair, m); err != nil {
			return err
		}
	}
	for _, mc := range gs.MissCounters {
		addr, err := sdk.ConsAddressFromBech32(mc.Validator)
		if err != nil {
			return errorsmod.Wrapf(types.ErrInvalidGenesis, "miss counter %q: %v", mc.Validator, err)
		}
		if err := k.MissCounters.Set(ctx, addr, mc.Misses); err != nil {
			return err
		}
	}
	return k.MissWindowBlocks.Set(ctx, gs.MissWindowBlocksCounted)
}

// ExportGenesis dumps the oracle's state.
func (k Keeper) ExportGenesis(ctx sdk.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if err := k.Prices.Walk(ctx, nil, func(_ string, v types.PriceRecord) (bool, error) {
		gs.Prices = append(gs.Prices, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.HistoricSamples.Walk(ctx, nil, func(_ collections.Pair[string, int64], v types.HistoricSample) (bool, error) {
		gs.HistoricSamples = append(gs.HistoricSamples, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.HistoricMedians.Walk(ctx, nil, func(_ string, v types.HistoricMedian) (bool, error) {
		gs.HistoricMedians = append(gs.HistoricMedians, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.MissCounters.Walk(ctx, nil, func(addr []byte, n uint64) (bool, error) {
		gs.MissCounters = append(gs.MissCounters, types.MissCounter{Validator: sdk.ConsAddress(addr).String(), Misses: n})
		return false, nil
	}); err != nil {
		return nil, err
	}
	blocks, err := k.MissWindowBlocks.Get(ctx)
	if err != nil && !errorsIsNotFound(err) {
		return nil, err
	}
	gs.MissWindowBlocksCounted = blocks
	return gs, nil
}
