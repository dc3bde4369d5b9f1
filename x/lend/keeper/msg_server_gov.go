package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// Governance messages: the signer must be the gov module account.

func (k Keeper) checkAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s; submit this message in a governance proposal", k.authority, signer)
	}
	return nil
}

// SetMarket lists or updates a market.
func (m msgServer) SetMarket(ctx context.Context, msg *types.MsgSetMarket) (*types.MsgSetMarketResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.Keeper.checkOraclePair(ctx, msg.Market); err != nil {
		return nil, err
	}
	if err := atomic(ctx, func(ctx sdk.Context) error { return m.Keeper.SetMarket(ctx, msg.Market) }); err != nil {
		return nil, err
	}
	return &types.MsgSetMarketResponse{}, nil
}

// UpdateParams replaces the module parameters.
func (m msgServer) UpdateParams(goCtx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	ctx := sdk.UnwrapSDKContext(goCtx)
	n, err := m.listedDenoms(ctx)
	if err != nil {
		return nil, err
	}
	if len(n) > int(msg.Params.MaxMarkets) {
		return nil, errorsmod.Wrapf(types.ErrInvalidParams, "max_markets %d is below the %d markets listed", msg.Params.MaxMarkets, len(n))
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventParamsUpdated{}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}

// checkOraclePair refuses a market whose oracle pair is not listed in
// x/oracle or prices another denom or another number of decimals: the
// oracle prices one whole unit and x/lend values base units at price /
// 10^decimals, so a mismatch would misvalue every position by a power of
// ten.
func (k Keeper) checkOraclePair(ctx context.Context, m types.Market) error {
	pair, ok, err := k.oracle.Pair(ctx, m.OraclePair)
	if err != nil {
		return err
	}
	if !ok {
		return errorsmod.Wrapf(types.ErrOracleMismatch, "market %s: oracle pair %q is not listed in x/oracle's params; list it there first", m.Denom, m.OraclePair)
	}
	if pair.Denom != m.Denom {
		return errorsmod.Wrapf(types.ErrOracleMismatch, "market %s: oracle pair %s prices %s, not %s", m.Denom, m.OraclePair, pair.Denom, m.Denom)
	}
	if pair.Decimals != m.Decimals {
		return errorsmod.Wrapf(types.ErrOracleMismatch, "market %s: decimals %d disagree with oracle pair %s's %d (the oracle prices one whole unit = 10^%d %s); set decimals to %d",
			m.Denom, m.Decimals, m.OraclePair, pair.Decimals, pair.Decimals, pair.Denom, pair.Decimals)
	}
	return nil
}
