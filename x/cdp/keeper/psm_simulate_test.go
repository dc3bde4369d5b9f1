package keeper_test

import (
	"errors"
	"testing"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/agora-labs/agora/x/cdp/keeper"
	"github.com/agora-labs/agora/x/cdp/types"
)

// The PSM simulate query quotes both directions with the fee exactly as
// the swap then pays, and refuses past the ceiling or beyond the reserve
// with the module's registered errors (a bad direction or amount is a
// malformed request).
func TestSimulatePsmSwap(t *testing.T) {
	c := newChain(t) // PSM: 0.1 % each way, ceiling 1M USDC
	q := keeper.NewQueryServerImpl(c.App.CdpKeeper)
	bob := addr(c, "bob")

	in, err := q.SimulatePsmSwap(c.Ctx(), &types.QuerySimulatePsmSwapRequest{Direction: "in", Amount: "5000000000"})
	if err != nil {
		t.Fatal(err)
	}
	if !in.Out.Amount.Equal(ints(4_995_000_000)) || !in.Fee.Amount.Equal(ints(5_000_000)) || in.In.Denom != "uusdc" {
		t.Fatalf("quote in: %v", in)
	}
	before := balance(c, "bob", types.StableDenom)
	deliver(t, c, "bob", &types.MsgPsmSwapIn{Sender: bob, Amount: ints(5_000_000_000)})
	if got := balance(c, "bob", types.StableDenom).Sub(before); !got.Equal(in.Out.Amount) {
		t.Fatalf("the swap paid %s, the quote said %s", got, in.Out.Amount)
	}

	out, err := q.SimulatePsmSwap(c.Ctx(), &types.QuerySimulatePsmSwapRequest{Direction: "out", Amount: "1000000001"})
	if err != nil {
		t.Fatal(err)
	}
	// fee ⌈1,000,000,001 × 0.001⌉ = 1,000,001
	if !out.Out.Amount.Equal(ints(999_000_000)) || !out.Fee.Amount.Equal(ints(1_000_001)) || out.Out.Denom != "uusdc" || !out.Reserve.Equal(ints(5_000_000_000)) {
		t.Fatalf("quote out: %v", out)
	}
	usdc := balance(c, "bob", "uusdc")
	deliver(t, c, "bob", &types.MsgPsmSwapOut{Sender: bob, Amount: ints(1_000_000_001)})
	if got := balance(c, "bob", "uusdc").Sub(usdc); !got.Equal(out.Out.Amount) {
		t.Fatalf("the swap paid %s, the quote said %s", got, out.Out.Amount)
	}

	for _, tc := range []struct {
		req  *types.QuerySimulatePsmSwapRequest
		want error
	}{
		{&types.QuerySimulatePsmSwapRequest{Direction: "in", Amount: "996000000001"}, types.ErrPsmCeiling}, // 4,001 + 996,000.000001 > 1M
		{&types.QuerySimulatePsmSwapRequest{Direction: "out", Amount: "5000000000"}, types.ErrPsmReserve},
		{&types.QuerySimulatePsmSwapRequest{Direction: "in", Amount: "0"}, types.ErrInvalidAmount},
	} {
		_, err := q.SimulatePsmSwap(c.Ctx(), tc.req)
		if !errors.Is(err, tc.want) {
			t.Fatalf("%v: %v, want %v", tc.req, err, tc.want)
		}
	}
	if _, err := q.SimulatePsmSwap(c.Ctx(), &types.QuerySimulatePsmSwapRequest{Direction: "sideways", Amount: "1"}); status.Code(err) != codes.InvalidArgument {
		t.Fatalf("bad direction: %v", err)
	}
}
