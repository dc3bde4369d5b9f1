package keeper

import (
	"context"
	"fmt"

	errorsmod "cosmossdk.io/errors"

	"github.com/agora-labs/agora/x/incentives/types"
)

func (m msgServer) checkAuthority(signer string) error {
	if signer != m.k.authority {
		return errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", m.k.authority, signer)
	}
	return nil
}

func (m msgServer) SetPoolWeights(ctx context.Context, msg *types.MsgSetPoolWeights) (*types.MsgSetPoolWeightsResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := m.k.SetPoolWeights(ctx, msg.Weights); err != nil {
		return nil, err
	}
	return &types.MsgSetPoolWeightsResponse{}, nil
}

// SetPoolWeights replaces every weight; each pool must exist in x/dex.
func (k Keeper) SetPoolWeights(ctx context.Context, ws []types.PoolWeight) error {
	if err := types.ValidateWeights(ws); err != nil {
		return err
	}
	for _, w := range ws {
		if _, err := k.dex.GetPool(ctx, w.PoolId); err != nil {
			return errorsmod.Wrapf(types.ErrInvalidWeights, "pool %d: %s", w.PoolId, err)
		}
	}
	if err := k.PoolWeights.Clear(ctx, nil); err != nil {
		return err
	}
	names := make([]string, 0, len(ws))
	for _, w := range ws {
		if err := k.PoolWeights.Set(ctx, w.PoolId, w); err != nil {
			return err
		}
		names = append(names, fmt.Sprintf("%d:%s", w.PoolId, w.Weight))
	}
	return sdkCtx(ctx).EventManager().EmitTypedEvent(&types.EventPoolWeightsSet{PoolWeights: names})
}

func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := m.checkAuthority(msg.Authority); err != nil {
		return nil, err
	}
	if err := m.k.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}
