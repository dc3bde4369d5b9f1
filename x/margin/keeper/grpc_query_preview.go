package keeper

import (
	"context"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/margin/types"
)

// Previews of the manage messages (close, add and remove margin, triggers).
// Each runs the message's own handler — ValidateBasic, then the keeper
// method the tx runs — in a cached context that is discarded, so a preview
// is what the tx does on the same state, and a refusal is the tx's
// registered error (its message, codespace and code in the response). A
// malformed request field is a gRPC InvalidArgument naming the field.

// refusal is a refused message's error as the responses carry it.
func refusal(err error) (msg, codespace string, code uint32) {
	codespace, code, _ = errorsmod.ABCIInfo(err, false)
	return err.Error(), codespace, code
}

// discard is a cached copy of ctx whose writes are never kept.
func discard(ctx context.Context) sdk.Context {
	cache, _ := sdk.UnwrapSDKContext(ctx).CacheContext()
	return cache
}

func parseCoin(field, s string) (sdk.Coin, error) {
	c, err := sdk.ParseCoinNormalized(strings.TrimSpace(s))
	if err != nil {
		return sdk.Coin{}, status.Errorf(codes.InvalidArgument, "%s %q: want a coin such as 100000000uusdc: %v", field, s, err)
	}
	return c, nil
}

// SimulateClose runs MsgClosePosition in a discarded context: the fill, the
// debt with interest, what is repaid and paid out, and the position left.
func (q queryServer) SimulateClose(ctx context.Context, req *types.QuerySimulateCloseRequest) (*types.QuerySimulateCloseResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	frac, err := parseDec("fraction", req.Fraction, true)
	if err != nil {
		return nil, err
	}
	limit, err := parseDec("price_limit", req.PriceLimit, true)
	if err != nil {
		return nil, err
	}
	msg := &types.MsgClosePosition{Owner: req.Owner, PositionId: req.PositionId, Fraction: frac, PriceLimit: limit}
	out := &types.QuerySimulateCloseResponse{FillPrice: sdkmath.LegacyZeroDec(), Remaining: emptyInfo()}
	if err := msg.ValidateBasic(); err != nil {
		out.Error, out.Codespace, out.Code = refusal(err)
		return out, nil
	}
	cache := discard(ctx)
	res, err := q.k.closePosition(cache, msg)
	if err != nil {
		out.Error, out.Codespace, out.Code = refusal(err)
		return out, nil
	}
	out.Sold, out.FillPrice, out.Debt, out.Repaid, out.PaidOut, out.Returned, out.Full =
		res.Sold, res.Fill, res.Debt, res.Repaid, res.PaidOut, res.Returned, res.Full
	if !res.Full {
		p, err := q.k.GetPosition(cache, req.PositionId)
		if err != nil {
			return nil, err
		}
		if out.Remaining, err = q.k.PositionInfo(cache, p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SimulateAddMargin runs MsgAddMargin in a discarded context: the position
// after it (equity, leverage, liquidation price).
func (q queryServer) SimulateAddMargin(ctx context.Context, req *types.QuerySimulateAddMarginRequest) (*types.QuerySimulateAddMarginResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	amount, err := parseCoin("amount", req.Amount)
	if err != nil {
		return nil, err
	}
	out := &types.QuerySimulateAddMarginResponse{Added: sdk.NewCoin(amount.Denom, sdkmath.ZeroInt()), Position: emptyInfo()}
	cache := discard(ctx)
	res, err := NewMsgServerImpl(q.k).AddMargin(cache, &types.MsgAddMargin{Owner: req.Owner, PositionId: req.PositionId, Amount: amount})
	if err != nil {
		out.Error, out.Codespace, out.Code = refusal(err)
		return out, nil
	}
	out.Added = res.Added
	if out.Position, err = q.positionInfo(cache, req.PositionId); err != nil {
		return nil, err
	}
	return out, nil
}

// SimulateRemoveMargin reports the most MsgRemoveMargin accepts now and,
// given an amount, runs it in a discarded context: the position after it.
func (q queryServer) SimulateRemoveMargin(ctx context.Context, req *types.QuerySimulateRemoveMarginRequest) (*types.QuerySimulateRemoveMarginResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	var amount sdk.Coin
	if strings.TrimSpace(req.Amount) != "" {
		var err error
		if amount, err = parseCoin("amount", req.Amount); err != nil {
			return nil, err
		}
	}
	out := &types.QuerySimulateRemoveMarginResponse{Position: emptyInfo(), MaxRemovable: sdk.Coin{Denom: amount.Denom, Amount: sdkmath.ZeroInt()}}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	p, err := q.k.ownedPosition(sdkCtx, req.Owner, req.PositionId)
	if err == nil {
		var most sdk.Coin
		if most, err = q.k.MaxRemovable(sdkCtx, p); err == nil {
			out.MaxRemovable = most
		}
	}
	if err != nil && amount.Denom == "" { // nothing to simulate: why nothing can be removed
		out.Error, out.Codespace, out.Code = refusal(err)
		return out, nil
	}
	if amount.Denom == "" {
		out.Position, err = q.k.PositionInfo(sdkCtx, p)
		return out, err
	}
	cache := discard(ctx)
	if _, err := NewMsgServerImpl(q.k).RemoveMargin(cache, &types.MsgRemoveMargin{Owner: req.Owner, PositionId: req.PositionId, Amount: amount}); err != nil {
		out.Error, out.Codespace, out.Code = refusal(err)
		if errorsmod.IsOf(err, types.ErrBelowInitialMargin) && out.MaxRemovable.Denom != "" {
			out.Error += "; at most " + out.MaxRemovable.String() + " can be removed now"
		}
		return out, nil
	}
	if out.Position, err = q.positionInfo(cache, req.PositionId); err != nil {
		return nil, err
	}
	return out, nil
}

// SimulateSetTriggers runs MsgSetTriggers in a discarded context and, when
// it is accepted, values the position at each trigger price.
func (q queryServer) SimulateSetTriggers(ctx context.Context, req *types.QuerySimulateSetTriggersRequest) (*types.QuerySimulateSetTriggersResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	var vals [3]sdkmath.LegacyDec
	for i, f := range []struct{ name, v string }{{"take_profit", req.TakeProfit}, {"stop_loss", req.StopLoss}, {"price_limit", req.PriceLimit}} {
		d, err := parseDec(f.name, f.v, true)
		if err != nil {
			return nil, err
		}
		vals[i] = d
	}
	zero := sdkmath.LegacyZeroDec()
	none := types.TriggerPreview{Price: zero, PriceLimit: zero, Equity: zero, Pnl: zero}
	out := &types.QuerySimulateSetTriggersResponse{Price: zero, TakeProfit: none, StopLoss: none}
	msg := &types.MsgSetTriggers{Owner: req.Owner, PositionId: req.PositionId, TakeProfit: vals[0], StopLoss: vals[1], PriceLimit: vals[2]}
	if _, err := NewMsgServerImpl(q.k).SetTriggers(discard(ctx), msg); err != nil {
		out.Error, out.Codespace, out.Code = refusal(err)
		return out, nil
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	p, err := q.k.GetPosition(sdkCtx, req.PositionId)
	if err != nil {
		return nil, err
	}
	pair, err := q.k.GetPair(sdkCtx, p.Pair)
	if err != nil {
		return nil, err
	}
	pp, err := q.k.prices(sdkCtx, pair)
	if err != nil { // only clearing both triggers works without a price
		return out, nil
	}
	out.Price = pp.Price
	if out.TakeProfit, err = q.k.triggerPreview(sdkCtx, p, pair, pp, msg.TakeProfit, msg.PriceLimit, true); err != nil {
		return nil, err
	}
	if out.StopLoss, err = q.k.triggerPreview(sdkCtx, p, pair, pp, msg.StopLoss, msg.PriceLimit, false); err != nil {
		return nil, err
	}
	return out, nil
}

func (q queryServer) positionInfo(ctx context.Context, id uint64) (types.PositionInfo, error) {
	p, err := q.k.GetPosition(ctx, id)
	if err != nil {
		return types.PositionInfo{}, err
	}
	return q.k.PositionInfo(ctx, p)
}

// emptyInfo is a PositionInfo with zero decimals (valid for JSON and amino).
func emptyInfo() types.PositionInfo {
	z := sdkmath.LegacyZeroDec()
	return types.PositionInfo{Position: types.Position{
		ScaledDebt: sdkmath.ZeroInt(), BaseSize: sdkmath.ZeroInt(), Margin: sdkmath.ZeroInt(),
		EntryPrice: z, TakeProfit: z, StopLoss: z, TriggerPriceLimit: z,
	}, HoldingsValue: z, DebtValue: z, Equity: z, Pnl: z, MarginRatio: z, Leverage: z, LiquidationPrice: z, Price: z}
}
