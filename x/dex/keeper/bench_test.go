package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/types"
)

// benchmarkMsgs measures one signed tx per block (ante handler, message,
// EndBlock TWAP write, commit) for the message built by msg.
func benchmarkMsgs(b *testing.B, msg func(c *apptest.Chain, i int) sdk.Msg) {
	c := apptest.New(b)
	createPoolB(b, c, "100000000000uagr,100000000000uusdc")
	createPoolB(b, c, "100000000ueth,300000000000uusdc")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.DeliverMsgs("bob", msg(c, i)); err != nil {
			b.Fatal(err)
		}
	}
}

func createPoolB(b *testing.B, c *apptest.Chain, liquidity string) {
	if _, err := c.DeliverMsgs("alice", &types.MsgCreatePool{Sender: c.Address("alice").String(), PoolType: types.POOL_TYPE_CONSTANT_PRODUCT,
		InitialLiquidity: coins(liquidity), SwapFee: feeTier}); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkBankSendBlock(b *testing.B) {
	benchmarkMsgs(b, func(c *apptest.Chain, _ int) sdk.Msg {
		return &banktypes.MsgSend{FromAddress: c.Address("bob").String(), ToAddress: c.Address("carol").String(), Amount: coins("1000uusdc")}
	})
}

func BenchmarkSwapOneHopBlock(b *testing.B) {
	benchmarkMsgs(b, func(c *apptest.Chain, i int) sdk.Msg {
		denomIn, denomOut := "uagr", "uusdc"
		if i%2 == 1 {
			denomIn, denomOut = denomOut, denomIn
		}
		return &types.MsgSwapExactIn{Sender: c.Address("bob").String(), Route: []types.Hop{{PoolId: 1, DenomOut: denomOut}},
			TokenIn: sdk.NewCoin(denomIn, sdkmath.NewInt(1_000_000)), MinOut: sdkmath.ZeroInt()}
	})
}

func BenchmarkSwapTwoHopBlock(b *testing.B) {
	benchmarkMsgs(b, func(c *apptest.Chain, _ int) sdk.Msg {
		return &types.MsgSwapExactIn{Sender: c.Address("bob").String(), Route: []types.Hop{{PoolId: 1, DenomOut: "uusdc"}, {PoolId: 2, DenomOut: "ueth"}},
			TokenIn: sdk.NewCoin("uagr", sdkmath.NewInt(1_000_000)), MinOut: sdkmath.ZeroInt()}
	})
}
