package precompiles_test

import (
	"math/big"
	"testing"

	erc20precompile "github.com/cosmos/evm/precompiles/erc20"

	"github.com/agora-labs/agora/app"
)

// A pool created after genesis (newEnv's pool 1, by carol's MsgCreatePool)
// has its LP share denom paired as an ERC-20 at once: the token pair at
// app.ERC20Address, name and symbol from the share's bank metadata,
// balanceOf equal to the bank balance, and transfer moving the bank coin.
func TestNewPoolSharesAreERC20(t *testing.T) {
	e := newEnv(t)
	const share = "dex/pool/1"
	ctx := e.c.WriteCtx()
	id := e.c.App.Erc20Keeper.GetTokenPairID(ctx, share)
	pair, ok := e.c.App.Erc20Keeper.GetTokenPair(ctx, id)
	if !ok || pair.GetERC20Contract() != app.ERC20Address(share) || !pair.Enabled {
		t.Fatalf("token pair of %s: %v (found %v), want enabled at %s", share, pair, ok, app.ERC20Address(share))
	}
	token := app.ERC20Address(share)
	carol, alice := e.ethAddr("carol"), e.ethAddr("alice")
	bank := balance(e, carol, share)
	if !bank.IsPositive() {
		t.Fatalf("carol holds no %s", share)
	}
	got := e.mustCall(t, alice, token, erc20precompile.ABI, "balanceOf", carol)[0].(*big.Int)
	if got.Cmp(bank.BigInt()) != 0 {
		t.Fatalf("balanceOf(carol) = %v, bank %v", got, bank)
	}
	if sym := e.mustCall(t, alice, token, erc20precompile.ABI, "symbol")[0].(string); sym == "" {
		t.Fatal("empty ERC-20 symbol")
	}
	e.mustCall(t, carol, token, erc20precompile.ABI, "transfer", alice, big.NewInt(1_000))
	if balance(e, alice, share).Int64() != 1_000 {
		t.Fatalf("alice %s after an ERC-20 transfer of 1000: %v", share, balance(e, alice, share))
	}
	if !balance(e, carol, share).Equal(bank.SubRaw(1_000)) {
		t.Fatalf("carol %s %v -> %v", share, bank, balance(e, carol, share))
	}
}
