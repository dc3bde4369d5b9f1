package keeper

import (
	"context"

	"github.com/agora-labs/agora/x/synth/types"
)

func (s msgServer) SetCollateral(ctx context.Context, m *types.MsgSetCollateral) (*types.MsgSetCollateralResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := s.k.checkAuthority(m.Authority); err != nil {
		return nil, err
	}
	return &types.MsgSetCollateralResponse{}, s.k.SetCollateral(ctx, m.Collateral)
}

func (s msgServer) SetSynth(ctx context.Context, m *types.MsgSetSynth) (*types.MsgSetSynthResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := s.k.checkAuthority(m.Authority); err != nil {
		return nil, err
	}
	return &types.MsgSetSynthResponse{}, s.k.SetSynth(ctx, m.Synth)
}

func (s msgServer) ResumeSynth(ctx context.Context, m *types.MsgResumeSynth) (*types.MsgResumeSynthResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := s.k.checkAuthority(m.Authority); err != nil {
		return nil, err
	}
	return &types.MsgResumeSynthResponse{}, s.k.ResumeSynth(ctx, m.Symbol)
}

func (s msgServer) UpdateParams(ctx context.Context, m *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := m.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := s.k.checkAuthority(m.Authority); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.k.SetParams(ctx, m.Params)
}
