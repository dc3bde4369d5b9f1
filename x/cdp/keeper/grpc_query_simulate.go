package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/cdp/types"
)

// Simulate queries run the message through the message server in a branch
// of the state that is never written, and return the vault after it (as
// the vault query shows it), or the registered error the transaction would
// fail with.

func parseAmount(s string) (sdkmath.Int, error) {
	if s == "" {
		return sdkmath.ZeroInt(), nil
	}
	a, ok := sdkmath.NewIntFromString(s)
	if !ok {
		return sdkmath.Int{}, status.Errorf(codes.InvalidArgument, "amount %q is not an integer (base units, e.g. 1000000)", s)
	}
	return a, nil
}

func (q queryServer) simulate(ctx context.Context, req *types.QuerySimulateRequest,
	run func(ms types.MsgServer, ctx sdk.Context, amount sdkmath.Int) error,
) (*types.QuerySimulateResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, err := sdk.AccAddressFromBech32(req.Sender); err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "sender %q: %s", req.Sender, err)
	}
	amount, err := parseAmount(req.Amount)
	if err != nil {
		return nil, err
	}
	c := branch(ctx)
	if err := run(NewMsgServerImpl(q.k), c, amount); err != nil {
		return nil, err
	}
	info, err := q.k.VaultInfo(c, req.VaultId)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateResponse{Vault: info}, nil
}

// SimulateOpenVault: the vault MsgOpenVault would open.
func (q queryServer) SimulateOpenVault(ctx context.Context, req *types.QuerySimulateOpenVaultRequest) (*types.QuerySimulateResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	coll, err := sdk.ParseCoinNormalized(req.Collateral)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "collateral %q: %s (want a coin such as 1000000ubtc)", req.Collateral, err)
	}
	mint, err := parseAmount(req.Mint)
	if err != nil {
		return nil, err
	}
	c := branch(ctx)
	res, err := NewMsgServerImpl(q.k).OpenVault(c, &types.MsgOpenVault{Owner: req.Owner, Collateral: coll, Mint: mint})
	if err != nil {
		return nil, err
	}
	info, err := q.k.VaultInfo(c, res.VaultId)
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulateResponse{Vault: info}, nil
}

// SimulateDeposit: the vault after MsgDeposit.
func (q queryServer) SimulateDeposit(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(ms types.MsgServer, c sdk.Context, a sdkmath.Int) error {
		_, err := ms.Deposit(c, &types.MsgDeposit{Sender: req.Sender, VaultId: req.VaultId, Amount: a})
		return err
	})
}

// SimulateWithdraw: the vault after MsgWithdraw.
func (q queryServer) SimulateWithdraw(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(ms types.MsgServer, c sdk.Context, a sdkmath.Int) error {
		_, err := ms.Withdraw(c, &types.MsgWithdraw{Owner: req.Sender, VaultId: req.VaultId, Amount: a})
		return err
	})
}

// SimulateMint: the vault after MsgMint.
func (q queryServer) SimulateMint(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(ms types.MsgServer, c sdk.Context, a sdkmath.Int) error {
		_, err := ms.Mint(c, &types.MsgMint{Owner: req.Sender, VaultId: req.VaultId, Amount: a})
		return err
	})
}

// SimulateRepay: the vault after MsgRepay (all: the whole debt).
func (q queryServer) SimulateRepay(ctx context.Context, req *types.QuerySimulateRequest) (*types.QuerySimulateResponse, error) {
	return q.simulate(ctx, req, func(ms types.MsgServer, c sdk.Context, a sdkmath.Int) error {
		_, err := ms.Repay(c, &types.MsgRepay{Sender: req.Sender, VaultId: req.VaultId, Amount: a, All: req.All})
		return err
	})
}

// SimulatePsmSwap quotes a PSM swap ("in": psm_denom → uausd, "out": uausd
// → psm_denom) with the rules the swap itself uses (QuotePsmIn,
// QuotePsmOut), or returns the registered error it would fail with.
func (q queryServer) SimulatePsmSwap(ctx context.Context, req *types.QuerySimulatePsmSwapRequest) (*types.QuerySimulatePsmSwapResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	amount, err := parseAmount(req.Amount)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateAmount("amount", amount); err != nil {
		return nil, err
	}
	var quote PsmQuote
	switch req.Direction {
	case "in":
		quote, err = q.k.QuotePsmIn(ctx, amount)
	case "out":
		quote, err = q.k.QuotePsmOut(ctx, amount)
	default:
		return nil, status.Errorf(codes.InvalidArgument, "direction %q: want \"in\" (the PSM's dollar for AUSD) or \"out\" (AUSD for the PSM's dollar)", req.Direction)
	}
	if err != nil {
		return nil, err
	}
	return &types.QuerySimulatePsmSwapResponse{In: quote.In, Out: quote.Out, Fee: quote.Fee,
		Reserve: quote.Books.PsmReserve, Ceiling: quote.Params.PsmCeiling}, nil
}
