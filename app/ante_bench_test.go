package app_test

import (
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/testutil/apptest"
)

// BenchmarkAnteBankSend measures, per bank send, the CPU of the ante
// handler alone — decoding excluded, signature check included — in the two
// forms issue 17 compares (docs/performance.md, "EVM"):
//   - sdk: the SDK's ante handler as the chain ran it before the EVM
//     (default signature gas consumer);
//   - agora: the app's handler as it runs now (guardian check, the route
//     between Ethereum and Cosmos transactions, cosmos/evm's refusal of
//     Ethereum messages, the SDK's handler, the dex order cap, the gas
//     record for x/feemarket).
//
// Each iteration runs on a throw-away cache of the check state, so the
// signer's sequence never moves and every iteration does the same work.
//
//	go test -run '^$' -bench AnteBankSend -count 10 ./app
func BenchmarkAnteBankSend(b *testing.B) {
	c := apptest.New(b)
	send := &banktypes.MsgSend{FromAddress: c.Address("alice").String(), ToAddress: c.Address("bob").String(),
		Amount: sdk.NewCoins(sdk.NewInt64Coin("uagr", 1))}
	txBytes := c.SignTx("alice", apptest.DefaultFee, 200_000, send)
	tx, err := c.App.TxConfig().TxDecoder()(txBytes)
	if err != nil {
		b.Fatal(err)
	}
	sdkHandler, err := ante.NewAnteHandler(ante.HandlerOptions{
		AccountKeeper:   c.App.AccountKeeper,
		BankKeeper:      c.App.BankKeeper,
		SignModeHandler: c.App.TxConfig().SignModeHandler(),
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, h := range []struct {
		name    string
		handler sdk.AnteHandler
	}{{"sdk", sdkHandler}, {"agora", c.App.AnteHandler()}} {
		b.Run(h.name, func(b *testing.B) {
			base := c.Ctx().WithIsCheckTx(true).WithTxBytes(txBytes)
			base = base.WithConsensusParams(c.App.GetConsensusParams(base))
			for i := 0; i < b.N; i++ {
				ctx, _ := base.CacheContext()
				if _, err := h.handler(ctx, tx, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
