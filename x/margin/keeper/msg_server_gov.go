package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// Governance messages: the signer must be the gov module account.

func (k Keeper) checkAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s; submit this message in a governance proposal", k.authority, signer)
	}
	return nil
}

// SetMarginPair lists or updates a pair.
func (m msgServer) SetMarginPair(ctx context.Context, msg *types.MsgSetMarginPair) (*types.MsgSetMarginPairResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.SetPair(ctx, msg.Pair); err != nil {
		return nil, err
	}
	return &types.MsgSetMarginPairResponse{}, nil
}

// UpdateParams replaces the module parameters.
func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventParamsUpdated{Params: msg.Params}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}

// SetPair lists or updates a pair after its stateful checks: both denoms are
// x/lend markets with borrowing enabled (their oracle pairs are the
// markets'), and the dex routes both ways between them.
func (k Keeper) SetPair(ctx context.Context, p types.MarginPair) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return atomic(ctx, func(ctx sdk.Context) error {
		for _, d := range []string{p.BaseDenom, p.QuoteDenom} {
			m, err := k.lend.GetMarket(ctx, d)
			if err != nil {
				return errorsmod.Wrapf(types.ErrInvalidPair, "%s is not an x/lend market: %s", d, err)
			}
			if !m.BorrowEnabled {
				return errorsmod.Wrapf(types.ErrInvalidPair, "x/lend market %s does not lend (borrow_enabled is false)", d)
			}
			if m.OraclePair == "" {
				return errorsmod.Wrapf(types.ErrInvalidPair, "x/lend market %s has no oracle pair", d)
			}
			// One whole unit must route to the other denom.
			other := p.QuoteDenom
			if d == p.QuoteDenom {
				other = p.BaseDenom
			}
			probe := sdk.NewCoin(d, types.QuoteForBase(sdkmath.OneInt(), sdkmath.LegacyOneDec(), m.Decimals, 0, false))
			if _, _, err := k.dex.BestRoute(ctx, probe, other); err != nil {
				return errorsmod.Wrapf(types.ErrInvalidPair, "no dex route sells %s for %s: %s", probe, other, err)
			}
		}
		if err := k.Pairs.Set(ctx, p.ID(), p); err != nil {
			return err
		}
		return ctx.EventManager().EmitTypedEvent(&types.EventPairSet{Pair: p})
	})
}
