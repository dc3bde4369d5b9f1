package keeper_test

import (
	"reflect"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/x/incentives/keeper"
	"github.com/agora-labs/agora/x/incentives/types"
)

// TestBadInput: every refused message fails with its registered error
// (codespace and code) and changes neither x/incentives' state nor the
// signer's balances (but the fee).
func TestBadInput(t *testing.T) {
	e := newEnv(t)
	e.deliver(t, "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("500000" + share1)})
	usdc := sdk.NewCoins(coin("1000000uusdc"))
	past := e.c.Time().Unix() - 100
	w := func(pairs ...any) []types.PoolWeight {
		var out []types.PoolWeight
		for j := 0; j < len(pairs); j += 2 {
			out = append(out, types.PoolWeight{PoolId: uint64(pairs[j].(int)), Weight: sdkmath.LegacyMustNewDecFromStr(pairs[j+1].(string))})
		}
		return out
	}
	cases := []struct {
		name   string
		signer string
		msg    sdk.Msg
		want   *errorsmod.Error
	}{
		{"bond shares not held", "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("600000" + share1)}, types.ErrInsufficientShares},
		{"bond a non-share denom", "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("5uusdc")}, types.ErrNotShareDenom},
		{"bond zero", "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("0" + share1)}, types.ErrInvalidAmount},
		{"bond an unknown pool", "bob", &types.MsgBond{Owner: e.addr("bob"), Shares: coin("5dex/pool/99")}, types.ErrUnknownPool},
		{"unbond more than bonded", "bob", &types.MsgUnbond{Owner: e.addr("bob"), Shares: coin("500001" + share1)}, types.ErrInsufficientBond},
		{"unbond with no bond", "alice", &types.MsgUnbond{Owner: e.addr("alice"), Shares: coin("1" + share1)}, types.ErrInsufficientBond},
		{"gauge with no coins", "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, DurationSeconds: 600}, types.ErrInvalidGauge},
		{"gauge of zero duration", "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, Coins: usdc}, types.ErrInvalidGauge},
		{"gauge below the minimum duration", "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, Coins: usdc, DurationSeconds: 59}, types.ErrInvalidGauge},
		{"gauge starting in the past", "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, Coins: usdc, StartTime: past, DurationSeconds: 600}, types.ErrInvalidGauge},
		{"gauge of an unknown pool", "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 99, Coins: usdc, DurationSeconds: 600}, types.ErrUnknownPool},
		{"gauge of coins not held", "alice", &types.MsgCreateGauge{Creator: e.addr("alice"), PoolId: 1, Coins: sdk.NewCoins(coin("1uxyz")), DurationSeconds: 600}, types.ErrInsufficientFunds},
		{"weights not summing to 1", "gov", &types.MsgSetPoolWeights{Authority: app.TimelockAuthority(), Weights: w(1, "0.5")}, types.ErrInvalidWeights},
		{"weights naming an unknown pool", "gov", &types.MsgSetPoolWeights{Authority: app.TimelockAuthority(), Weights: w(1, "0.5", 99, "0.5")}, types.ErrInvalidWeights},
		{"weights by a non-gov signer", "carol", &types.MsgSetPoolWeights{Authority: e.addr("carol"), Weights: w(1, "1")}, types.ErrUnauthorized},
		{"params by a non-gov signer", "carol", &types.MsgUpdateParams{Authority: e.addr("carol"), Params: types.DefaultParams()}, types.ErrUnauthorized},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.signer == "gov" {
				e.expectRefusedGov(t, c.msg.(*types.MsgSetPoolWeights), c.want)
				return
			}
			e.expectRefused(t, c.signer, c.msg, c.want)
		})
	}
}

// expectRefusedGov runs a gov-signed message through the msg server (a tx
// cannot be signed by the gov account) and checks codespace, code and that
// the weights did not change.
func (e *env) expectRefusedGov(t *testing.T, msg *types.MsgSetPoolWeights, want *errorsmod.Error) {
	t.Helper()
	k := e.c.App.IncentivesKeeper
	before, err := k.ExportGenesis(e.c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	_, err = keeper.NewMsgServerImpl(k).SetPoolWeights(e.c.WriteCtx(), msg)
	space, code, _ := errorsmod.ABCIInfo(err, false)
	if space != want.Codespace() || code != want.ABCICode() {
		t.Fatalf("got %s/%d (%v), want %s/%d", space, code, err, want.Codespace(), want.ABCICode())
	}
	after, err := k.ExportGenesis(e.c.Ctx())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before.PoolWeights, after.PoolWeights) {
		t.Fatalf("weights changed: %v → %v", before.PoolWeights, after.PoolWeights)
	}
}
