package devgenesis_test

import (
	"testing"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/app/devgenesis"
	"github.com/agora-labs/agora/testutil/apptest"
)

// Bulk genesis accounts exist after InitChain with their funds, and the
// total supply counts them.
func TestAddBulkAccounts(t *testing.T) {
	const n = 1000
	c := apptest.New(t, apptest.WithGenesis(func(cdc codec.JSONCodec, gen app.GenesisState) {
		if err := devgenesis.AddBulkAccounts(gen, n); err != nil {
			t.Fatal(err)
		}
	}))
	ctx := c.Ctx()
	for _, i := range []uint64{0, 1, n - 1} {
		a := devgenesis.BulkAccountAddress(i)
		if c.App.AccountKeeper.GetAccount(ctx, a) == nil {
			t.Errorf("bulk account %d (%s) does not exist", i, a)
		}
		if got := c.App.BankKeeper.GetBalance(ctx, a, devgenesis.BulkAccountFunds.Denom); !got.Equal(devgenesis.BulkAccountFunds) {
			t.Errorf("bulk account %d holds %s, want %s", i, got, devgenesis.BulkAccountFunds)
		}
	}
	if c.App.AccountKeeper.GetAccount(ctx, devgenesis.BulkAccountAddress(n)) != nil {
		t.Errorf("bulk account %d exists, want only %d", n, n)
	}
	if devgenesis.BulkAccountAddress(0).Equals(devgenesis.BulkAccountAddress(1)) {
		t.Fatal("bulk addresses repeat")
	}
	// The supply is the sum of all balances (bank's invariant).
	total := c.App.BankKeeper.GetSupply(ctx, devgenesis.BulkAccountFunds.Denom)
	if total.Amount.LT(devgenesis.BulkAccountFunds.Amount.MulRaw(n)) {
		t.Errorf("supply %s is less than the bulk accounts' %d × %s", total, n, devgenesis.BulkAccountFunds)
	}
	if err := devgenesis.AddBulkAccounts(app.GenesisState{"auth": []byte(`{"accounts":{}}`), "bank": []byte(`{}`)}, 1); err == nil {
		t.Error("AddBulkAccounts accepted an auth genesis whose accounts are not a list")
	}
}
