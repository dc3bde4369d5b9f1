package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

// The simulate queries run the message itself on a cached context that is
// thrown away, then read the position from that context: the preview is
// what the message would do at this height, and a refusal is synth's own
// error (codespace and code) before anything is signed.

// simulatePosition parses a request, runs apply on a throw-away context and
// returns the owner's position there.
func (q queryServer) simulatePosition(ctx context.Context, req *types.QuerySimulatePositionRequest,
	apply func(ms types.MsgServer, ctx context.Context, owner string, amount sdkmath.Int) error,
) (*types.QuerySimulatePositionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	owner, err := sdk.AccAddressFromBech32(req.Owner)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "owner %q: %v", req.Owner, err)
	}
	amount, ok := sdkmath.NewIntFromString(req.Amount)
	if !ok {
		return nil, status.Errorf(codes.InvalidArgument, "amount %q is not an integer", req.Amount)
	}
	cache, _ := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := apply(NewMsgServerImpl(q.k), cache, owner.String(), amount); err != nil {
		return nil, err
	}
	info, err := q.positionInfo(cache, owner, req.Denom)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulatePositionResponse{Position: info}, nil
}

func (q queryServer) SimulateStake(ctx context.Context, req *types.QuerySimulatePositionRequest) (*types.QuerySimulatePositionResponse, error) {
	return q.simulatePosition(ctx, req, func(ms types.MsgServer, ctx context.Context, owner string, a sdkmath.Int) error {
		_, err := ms.Stake(ctx, &types.MsgStake{Staker: owner, Amount: sdk.Coin{Denom: req.Denom, Amount: a}})
		return err
	})
}

func (q queryServer) SimulateUnstake(ctx context.Context, req *types.QuerySimulatePositionRequest) (*types.QuerySimulatePositionResponse, error) {
	return q.simulatePosition(ctx, req, func(ms types.MsgServer, ctx context.Context, owner string, a sdkmath.Int) error {
		_, err := ms.Unstake(ctx, &types.MsgUnstake{Staker: owner, Amount: sdk.Coin{Denom: req.Denom, Amount: a}})
		return err
	})
}

func (q queryServer) SimulateMint(ctx context.Context, req *types.QuerySimulatePositionRequest) (*types.QuerySimulatePositionResponse, error) {
	return q.simulatePosition(ctx, req, func(ms types.MsgServer, ctx context.Context, owner string, a sdkmath.Int) error {
		_, err := ms.Mint(ctx, &types.MsgMint{Staker: owner, Denom: req.Denom, Amount: a})
		return err
	})
}

func (q queryServer) SimulateBurn(ctx context.Context, req *types.QuerySimulatePositionRequest) (*types.QuerySimulatePositionResponse, error) {
	return q.simulatePosition(ctx, req, func(ms types.MsgServer, ctx context.Context, owner string, a sdkmath.Int) error {
		_, err := ms.Burn(ctx, &types.MsgBurn{Staker: owner, Denom: req.Denom, Amount: a})
		return err
	})
}

// SimulateExchange estimates an exchange at the current prices and fee rate
// (the settlement uses the first prices after the block that includes it).
// With a trader, the message itself runs on a throw-away context first, so
// its refusals (balance, supply cap, paused) come back as synth's errors.
func (q queryServer) SimulateExchange(ctx context.Context, req *types.QuerySimulateExchangeRequest) (*types.QuerySimulateExchangeResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	amount, ok := sdkmath.NewIntFromString(req.Amount)
	if !ok {
		return nil, status.Errorf(codes.InvalidArgument, "amount %q is not an integer", req.Amount)
	}
	if req.Trader != "" {
		if _, err := sdk.AccAddressFromBech32(req.Trader); err != nil {
			return nil, status.Errorf(codes.InvalidArgument, "trader %q: %v", req.Trader, err)
		}
		cache, _ := sdk.UnwrapSDKContext(ctx).CacheContext()
		msg := &types.MsgExchange{Trader: req.Trader, Amount: sdk.Coin{Denom: req.FromDenom, Amount: amount}, ToDenom: req.ToDenom, MinOut: sdkmath.ZeroInt()}
		if _, err := NewMsgServerImpl(q.k).Exchange(cache, msg); err != nil {
			return nil, err
		}
	}
	if !amount.IsPositive() {
		return nil, errorsmod.Wrapf(types.ErrInvalidAmount, "amount %s must be positive", amount)
	}
	if req.FromDenom == req.ToDenom {
		return nil, errorsmod.Wrapf(types.ErrSameSynth, "%s to %s", req.FromDenom, req.ToDenom)
	}
	_, fromSt, fromPrice, err := q.k.tradable(ctx, req.FromDenom)
	if err != nil {
		return nil, err
	}
	to, toSt, toPrice, err := q.k.tradable(ctx, req.ToDenom)
	if err != nil {
		return nil, err
	}
	params, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	rate := types.FeeRate(to.BaseFee, params.DynamicFeeFactor, params.MaxDynamicFee, fromSt.Volatility, toSt.Volatility)
	res, err := types.ExchangeOut(amount, fromPrice, toPrice, rate)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateExchangeResponse{Out: res.Out, Fee: res.Fee, FeeRate: rate, FromPrice: fromPrice, ToPrice: toPrice}, nil
}
