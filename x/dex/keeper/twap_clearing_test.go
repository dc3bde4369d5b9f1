package keeper_test

import (
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/dex/types"
)

// The TWAP reads the clearing price once per block (x/dex/README.md,
// "TWAP"): a block whose pair cleared a batch records the batch's uniform
// price, not the pool's spot price after it.

// clearingPriceOf is ⌊(y + γY)/(x + γX)⌋ at 18 decimals and its inverse,
// for a constant-product pool at the fee tier.
func clearingPriceOf(x, y sdkmath.Int, X, Y int64) (sdkmath.LegacyDec, sdkmath.LegacyDec) {
	gamma := new(big.Rat).Sub(big.NewRat(1, 1), decRat(feeTier))
	num := new(big.Rat).Add(new(big.Rat).SetInt(y.BigInt()), new(big.Rat).Mul(gamma, big.NewRat(Y, 1)))
	den := new(big.Rat).Add(new(big.Rat).SetInt(x.BigInt()), new(big.Rat).Mul(gamma, big.NewRat(X, 1)))
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
	p := new(big.Rat).Quo(num, den)
	dec := func(r *big.Rat) sdkmath.LegacyDec {
		return sdkmath.LegacyNewDecFromBigIntWithPrec(ratFloor(new(big.Rat).Mul(r, scale)).BigInt(), 18)
	}
	return dec(p), dec(new(big.Rat).Inv(p))
}

func twapPriceAt(t *testing.T, c *apptest.Chain, pid uint64, base, quote string) sdkmath.LegacyDec {
	t.Helper()
	rec, ok := newestRecord(t, dexKeeper(c), c.Ctx(), pid, base, quote, c.Time())
	if !ok || !rec.Time.Equal(c.Time().UTC()) {
		t.Fatalf("no TWAP record of %s/%s at %s (%+v)", base, quote, c.Time(), rec)
	}
	return rec.LastSpotPrice
}

// Two opposite swaps in one block: the record carries the clearing price
// (both directions), not the spot price after the batch.
func TestTwapRecordsClearingPrice(t *testing.T) {
	c := newChain(t)
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	pool, err := dexKeeper(c).GetPool(c.Ctx(), pid)
	if err != nil {
		t.Fatal(err)
	}
	c.NextBlock(swapIn(c, "bob", pid, "10000000000uusdc", "uagr", 1), swapIn(c, "alice", pid, "3000000000uagr", "uusdc", 1))
	want, wantInv := clearingPriceOf(pool.Reserves[0].Amount, pool.Reserves[1].Amount, 3_000_000_000, 10_000_000_000)
	if got := twapPriceAt(t, c, pid, "uagr", "uusdc"); !got.Equal(want) {
		t.Fatalf("TWAP uagr/uusdc records %s, want the clearing price %s", got, want)
	}
	if got := twapPriceAt(t, c, pid, "uusdc", "uagr"); !got.Equal(wantInv) {
		t.Fatalf("TWAP uusdc/uagr records %s, want %s", got, wantInv)
	}
	after, err := dexKeeper(c).GetPool(c.Ctx(), pid)
	if err != nil {
		t.Fatal(err)
	}
	spot, err := after.SpotPrice("uagr", "uusdc", c.Time())
	if err != nil {
		t.Fatal(err)
	}
	if spot.Equal(want) {
		t.Fatalf("scenario: the spot after (%s) should differ from the clearing price", spot)
	}
	// A block that only joins records the spot price again.
	join := &types.MsgJoinPool{Sender: c.Address("alice").String(), PoolId: pid, MaxAmountsIn: coins("1000000uagr,2000000uusdc"), MinSharesOut: sdkmath.OneInt()}
	if _, err := c.DeliverMsgs("alice", join); err != nil {
		t.Fatal(err)
	}
	pool, _ = dexKeeper(c).GetPool(c.Ctx(), pid)
	spot, _ = pool.SpotPrice("uagr", "uusdc", c.Time())
	if got := twapPriceAt(t, c, pid, "uagr", "uusdc"); !got.Equal(spot) {
		t.Fatalf("after a join the TWAP records %s, want the spot %s", got, spot)
	}
}

// A sandwich in one block (buy, victim's buy, sell) moves the TWAP only to
// the batch's clearing price: between the spot before and the spot after,
// never to the extreme the attacker's first leg would reach alone.
func TestTwapSandwichBoundedByClearingPrice(t *testing.T) {
	c := newChain(t)
	pid := createCP(t, c, "100000000000uagr,100000000000uusdc")
	pool, err := dexKeeper(c).GetPool(c.Ctx(), pid)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := pool.SpotPrice("uagr", "uusdc", c.Time())
	c.NextBlock(
		swapIn(c, "carol", pid, "20000000000uusdc", "uagr", 1), // attacker buys first
		swapIn(c, "bob", pid, "5000000000uusdc", "uagr", 1),    // victim
		swapIn(c, "alice", pid, "15000000000uagr", "uusdc", 1), // attacker's sell (another account, same block)
	)
	want, _ := clearingPriceOf(pool.Reserves[0].Amount, pool.Reserves[1].Amount, 15_000_000_000, 25_000_000_000)
	got := twapPriceAt(t, c, pid, "uagr", "uusdc")
	if !got.Equal(want) {
		t.Fatalf("TWAP records %s, want the clearing price %s", got, want)
	}
	after, _ := dexKeeper(c).GetPool(c.Ctx(), pid)
	spotAfter, _ := after.SpotPrice("uagr", "uusdc", c.Time())
	if got.LT(before) || got.GT(spotAfter) {
		t.Fatalf("TWAP price %s outside [spot before %s, spot after %s]", got, before, spotAfter)
	}
	// The arithmetic TWAP over the next 10 s is the clearing price.
	c.NextBlock()
	arith, _, err := dexKeeper(c).TWAP(c.Ctx(), pid, "uagr", "uusdc", c.Time().Add(-apptest.BlockInterval), c.Time())
	if err != nil {
		t.Fatal(err)
	}
	if !arith.Equal(want) {
		t.Fatalf("arithmetic TWAP %s, want %s", arith, want)
	}
}
