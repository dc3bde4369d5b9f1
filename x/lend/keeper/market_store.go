package keeper

import (
	"context"
	"errors"
	"sort"
	"strings"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

// GetMarket returns a listed market, or ErrMarketNotFound naming the listed
// ones.
func (k Keeper) GetMarket(ctx context.Context, denom string) (types.Market, error) {
	m, err := k.Markets.Get(ctx, denom)
	if isNotFound(err) {
		listed, _ := k.listedDenoms(ctx)
		return types.Market{}, errorsmod.Wrapf(types.ErrMarketNotFound, "%q is not listed; markets: [%s]", denom, strings.Join(listed, ", "))
	}
	return m, err
}

func (k Keeper) listedDenoms(ctx context.Context) ([]string, error) {
	var out []string
	err := k.Markets.Walk(ctx, nil, func(d string, _ types.Market) (bool, error) {
		out = append(out, d)
		return false, nil
	})
	sort.Strings(out)
	return out, err
}

// AccruedMarket loads a market and its state with interest accrued to the
// block time, stores the accrued state and emits EventInterestAccrued when
// the index moved. Within one block a market accrues at most once: later
// calls see no elapsed time.
func (k Keeper) AccruedMarket(ctx context.Context, denom string) (types.Market, types.MarketState, error) {
	m, err := k.GetMarket(ctx, denom)
	if err != nil {
		return types.Market{}, types.MarketState{}, err
	}
	s, err := k.MarketStates.Get(ctx, denom)
	if err != nil {
		return types.Market{}, types.MarketState{}, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	acc, err := types.Accrue(m, s, sdkCtx.BlockTime())
	if err != nil {
		return types.Market{}, types.MarketState{}, err
	}
	if acc.Seconds == 0 {
		return m, s, nil
	}
	// The backstop's share of the reserve income (backstop_flow.go).
	if err := k.creditBackstopReward(sdkCtx, m, &acc.State, acc.ToReserves); err != nil {
		return types.Market{}, types.MarketState{}, err
	}
	if err := k.MarketStates.Set(ctx, denom, acc.State); err != nil {
		return types.Market{}, types.MarketState{}, err
	}
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventInterestAccrued{
		Denom: denom, Seconds: acc.Seconds, BorrowRate: acc.BorrowRate, BorrowIndex: acc.State.BorrowIndex,
		Interest: acc.Interest, ToReserves: acc.ToReserves,
	}); err != nil {
		return types.Market{}, types.MarketState{}, err
	}
	return m, acc.State, nil
}

// SetMarket lists a market or replaces its configuration (the caller has
// checked the authority). A new market starts with NewMarketState at the
// block time and its receipt's bank metadata (so the receipt is an ERC-20); an existing one is accrued under its old configuration first,
// so the new rate model applies from now on.
func (k Keeper) SetMarket(ctx context.Context, m types.Market) error {
	if err := m.Validate(); err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	has, err := k.Markets.Has(ctx, m.Denom)
	if err != nil {
		return err
	}
	if has {
		if _, _, err := k.AccruedMarket(ctx, m.Denom); err != nil {
			return err
		}
	} else {
		params, err := k.Params.Get(ctx)
		if err != nil {
			return err
		}
		listed, err := k.listedDenoms(ctx)
		if err != nil {
			return err
		}
		if len(listed) >= int(params.MaxMarkets) {
			return errorsmod.Wrapf(types.ErrTooManyMarkets, "%d markets are listed (max_markets %d); raise max_markets first", len(listed), params.MaxMarkets)
		}
		s := types.NewMarketState(m.Denom)
		s.LastAccrual = sdkCtx.BlockTime()
		if err := k.MarketStates.Set(ctx, m.Denom, s); err != nil {
			return err
		}
		if err := k.registerReceiptMetadata(ctx, m); err != nil {
			return err
		}
	}
	if err := k.Markets.Set(ctx, m.Denom, m); err != nil {
		return err
	}
	return sdkCtx.EventManager().EmitTypedEvent(&types.EventMarketSet{Market: m, Listed: !has})
}

// checkOpen refuses risk-increasing operations while the module or the
// market is paused.
func (k Keeper) checkOpen(ctx context.Context, m types.Market, op string) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if params.Paused {
		return errorsmod.Wrapf(types.ErrPaused, "%s refused: the money market is paused by governance; repay, withdraw and collateral changes stay open", op)
	}
	if m.Paused {
		return errorsmod.Wrapf(types.ErrPaused, "%s refused: market %s is paused by governance; repay, withdraw and collateral changes stay open", op, m.Denom)
	}
	return nil
}
