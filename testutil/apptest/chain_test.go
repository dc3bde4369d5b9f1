package apptest_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/testutil/apptest"
)

// A bank send moves exactly the amount, charges exactly the fee, and keeps
// every invariant; a send of more than the balance fails and changes
// nothing.
func TestBankSendOverManyBlocks(t *testing.T) {
	c := apptest.New(t)
	alice, bob := c.Address("alice"), c.Address("bob")
	amount := sdk.NewCoins(sdk.NewCoin("uusdc", sdkmath.NewInt(1_234_567)))

	for i := 0; i < 5; i++ {
		aliceBefore, bobBefore := c.Balances(alice), c.Balances(bob)
		if _, err := c.DeliverMsgs("alice", banktypes.NewMsgSend(alice, bob, amount)); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
		if got, want := c.Balances(bob), bobBefore.Add(amount...); !got.Equal(want) {
			t.Fatalf("bob has %s, want %s", got, want)
		}
		if got, want := c.Balances(alice), aliceBefore.Sub(amount...).Sub(apptest.DefaultFee...); !got.Equal(want) {
			t.Fatalf("alice has %s, want %s", got, want)
		}
	}

	aliceBefore, bobBefore := c.Balances(alice), c.Balances(bob)
	over := sdk.NewCoins(sdk.NewCoin("ubtc", aliceBefore.AmountOf("ubtc").AddRaw(1)))
	_, err := c.DeliverMsgs("alice", banktypes.NewMsgSend(alice, bob, over))
	if err == nil || !strings.Contains(err.Error(), "insufficient funds") {
		t.Fatalf("overspend: got %v, want insufficient funds", err)
	}
	if !c.Balances(bob).Equal(bobBefore) {
		t.Fatalf("failed send changed bob's balance")
	}
	// The fee of a failed tx is still paid; nothing else moves.
	if got, want := c.Balances(alice), aliceBefore.Sub(apptest.DefaultFee...); !got.Equal(want) {
		t.Fatalf("alice has %s after a failed send, want %s", got, want)
	}
	c.AdvanceBlocks(10)
}
