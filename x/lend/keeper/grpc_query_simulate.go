package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

// simulate runs the message an action would send through the message
// server in a branch of the query's state that is never written, and
// returns the position after it (as the position query shows it) with a
// liquidation price per collateral, or the registered error the
// transaction would fail with.
func (q queryServer) simulate(ctx context.Context, req *types.QuerySimulateRequest,
	build func(addr string, amount sdk.Coin, all bool) func(ms types.MsgServer, ctx context.Context) error,
) (*types.QuerySimulateResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, err := sdk.AccAddressFromBech32(req.Address); err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "address %q: %s", req.Address, err)
	}
	amount, err := sdk.ParseCoinNormalized(req.Amount)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "amount %q: %s (want a coin such as 1000000uusdc)", req.Amount, err)
	}
	branch, _ := sdk.UnwrapSDKContext(ctx).CacheContext()
	if err := build(req.Address, amount, req.All)(NewMsgServerImpl(q.k), branch); err != nil {
		return nil, err
	}
	pos, err := q.Position(branch, &types.QueryPositionRequest{Address: req.Address})
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateResponse{Position: *pos, LiquidationPrices: pos.LiquidationPrices}, nil
}

// LiquidationPrices is, per collateral of the account, the oracle price of
// one whole unit at which its health factor reaches 1, every other price
// unchanged (risk.LiquidationPrice on base units, times 10^decimals).
func (k Keeper) LiquidationPrices(ctx context.Context, addr sdk.AccAddress) ([]types.LiquidationPrice, error) {
	v, err := k.Values(ctx, addr)
	if err != nil {
		return nil, err
	}
	collDenoms, _, err := k.positionDenoms(ctx, addr)
	if err != nil {
		return nil, err
	}
	var out []types.LiquidationPrice
	for _, d := range collDenoms {
		m, s, err := k.AccruedMarket(ctx, d)
		if err != nil {
			return nil, err
		}
		receipts, err := getAmount(ctx, k.Collateral, collections.Join(addr, d))
		if err != nil {
			return nil, err
		}
		amount, err := CollateralUnderlying(s, receipts)
		if err != nil {
			return nil, err
		}
		price, err := k.collateralPrice(ctx, m)
		if err != nil {
			return nil, err
		}
		own, err := risk.WeightedCollateral([]risk.Collateral{{Amount: amount, Price: price, Factor: m.LiquidationThreshold}})
		if err != nil {
			return nil, errorsmod.Wrapf(types.ErrMath, "weighted %s: %s", d, err)
		}
		other := v.WeightedCollateral.Sub(own)
		if other.IsNegative() {
			other = sdkmath.LegacyZeroDec()
		}
		p := sdkmath.LegacyZeroDec()
		if amount.IsPositive() && v.Debt.IsPositive() {
			base, err := risk.LiquidationPrice(amount, m.LiquidationThreshold, other, v.Debt)
			if err != nil {
				return nil, errorsmod.Wrapf(types.ErrMath, "liquidation price of %s: %s", d, err)
			}
			p = base.MulInt(sdkmath.NewIntWithDecimal(1, int(m.Decimals)))
		}
		out = append(out, types.LiquidationPrice{Denom: d, Price: p})
	}
	return out, nil
}

// SimulateSupply: the position after MsgSupply.
func (q queryServer) SimulateSupply(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(addr string, amount sdk.Coin, _ bool) func(types.MsgServer, context.Context) error {
		return func(ms types.MsgServer, ctx context.Context) error {
			_, err := ms.Supply(ctx, &types.MsgSupply{Supplier: addr, Amount: amount})
			return err
		}
	})
}

// SimulateWithdraw: the position after MsgWithdraw.
func (q queryServer) SimulateWithdraw(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(addr string, amount sdk.Coin, all bool) func(types.MsgServer, context.Context) error {
		return func(ms types.MsgServer, ctx context.Context) error {
			_, err := ms.Withdraw(ctx, &types.MsgWithdraw{Supplier: addr, Amount: amount, All: all})
			return err
		}
	})
}

// SimulateCollateralize: the position after MsgCollateralize (receipt
// amount) or MsgSupplyCollateral (underlying amount).
func (q queryServer) SimulateCollateralize(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(addr string, amount sdk.Coin, _ bool) func(types.MsgServer, context.Context) error {
		return func(ms types.MsgServer, ctx context.Context) error {
			if _, isReceipt := types.UnderlyingOf(amount.Denom); isReceipt {
				_, err := ms.Collateralize(ctx, &types.MsgCollateralize{Borrower: addr, Amount: amount})
				return err
			}
			_, err := ms.SupplyCollateral(ctx, &types.MsgSupplyCollateral{Borrower: addr, Amount: amount})
			return err
		}
	})
}

// SimulateDecollateralize: the position after MsgDecollateralize.
func (q queryServer) SimulateDecollateralize(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(addr string, amount sdk.Coin, _ bool) func(types.MsgServer, context.Context) error {
		return func(ms types.MsgServer, ctx context.Context) error {
			_, err := ms.Decollateralize(ctx, &types.MsgDecollateralize{Borrower: addr, Amount: amount})
			return err
		}
	})
}

// SimulateBorrow: the position after MsgBorrow.
func (q queryServer) SimulateBorrow(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(addr string, amount sdk.Coin, _ bool) func(types.MsgServer, context.Context) error {
		return func(ms types.MsgServer, ctx context.Context) error {
			_, err := ms.Borrow(ctx, &types.MsgBorrow{Borrower: addr, Amount: amount})
			return err
		}
	})
}

// SimulateRepay: the position after MsgRepay of the account's own debt.
func (q queryServer) SimulateRepay(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(addr string, amount sdk.Coin, all bool) func(types.MsgServer, context.Context) error {
		return func(ms types.MsgServer, ctx context.Context) error {
			_, err := ms.Repay(ctx, &types.MsgRepay{Sender: addr, Amount: amount, All: all})
			return err
		}
	})
}
