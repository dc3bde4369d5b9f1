package keeper

import (
	"math/rand"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/pkg/risk"
	"github.com/agora-labs/agora/x/lend/types"
)

// boundCase is one random position over two collateral and two debt
// markets, with each market's reference point and its state now.
type boundCase struct {
	receipts, scaled       [2]sdkmath.Int
	refColl, refDebt       [2]RefPoint
	nowColl, nowDebt       [2]NowPoint
	supplyNow, totalNow    [2]sdkmath.Int // collateral markets now
	supplyRef, totalRef    [2]sdkmath.Int
	indexNow               [2]sdkmath.LegacyDec
	collPriceNow, debtNow  [2]sdkmath.LegacyDec
	collPriceRef, debtRef  [2]sdkmath.LegacyDec
	ltNow, ltRef, indexRef [2]sdkmath.LegacyDec
}

func randDec(r *rand.Rand, lo, hi float64) sdkmath.LegacyDec {
	return sdkmath.LegacyNewDecWithPrec(int64((lo+(hi-lo)*r.Float64())*1e9), 9)
}

func randInt(r *rand.Rand, max int64) sdkmath.Int { return sdkmath.NewInt(1 + r.Int63n(max)) }

func newBoundCase(r *rand.Rand) boundCase {
	var c boundCase
	for i := 0; i < 2; i++ {
		c.supplyRef[i] = randInt(r, 1e12)
		c.totalRef[i] = c.supplyRef[i].ToLegacyDec().Mul(randDec(r, 0.5, 3)).TruncateInt().AddRaw(1)
		c.supplyNow[i] = c.supplyRef[i].Add(randInt(r, 1e12))
		c.totalNow[i] = c.supplyNow[i].ToLegacyDec().Mul(randDec(r, 0.3, 3)).TruncateInt().AddRaw(1) // rate may fall (deficit)
		c.receipts[i] = sdkmath.NewInt(r.Int63n(c.supplyNow[i].Int64()/4 + 1))
		c.scaled[i] = sdkmath.NewInt(r.Int63n(1e11))
		c.indexRef[i] = randDec(r, 1, 2)
		c.indexNow[i] = c.indexRef[i].Mul(randDec(r, 1, 1.3))
		c.collPriceRef[i], c.debtRef[i] = randDec(r, 1e-6, 100), randDec(r, 1e-6, 100)
		c.collPriceNow[i] = c.collPriceRef[i].Mul(randDec(r, 0.2, 2))
		c.debtNow[i] = c.debtRef[i].Mul(randDec(r, 0.5, 3))
		c.ltRef[i], c.ltNow[i] = randDec(r, 0.3, 0.95), randDec(r, 0.3, 0.95)
		c.refColl[i] = RefPoint{Version: 1, CollateralPrice: c.collPriceRef[i], DebtPrice: c.debtRef[i],
			ExchangeRate: types.ExchangeRate(c.supplyRef[i], c.totalRef[i]), BorrowIndex: c.indexRef[i], LiquidationThreshold: c.ltRef[i]}
		c.nowColl[i] = NowPoint{CollateralPrice: c.collPriceNow[i], DebtPrice: c.debtNow[i],
			ExchangeRate: types.ExchangeRate(c.supplyNow[i], c.totalNow[i]), BorrowIndex: c.indexNow[i], LiquidationThreshold: c.ltNow[i]}
		// Debt markets are separate markets: their own reference points.
		c.refDebt[i] = RefPoint{Version: 1, CollateralPrice: c.collPriceRef[i], DebtPrice: c.debtRef[i],
			ExchangeRate: sdkmath.LegacyOneDec(), BorrowIndex: c.indexRef[i], LiquidationThreshold: c.ltRef[i]}
		c.nowDebt[i] = NowPoint{CollateralPrice: c.collPriceNow[i], DebtPrice: c.debtNow[i],
			ExchangeRate: sdkmath.LegacyOneDec(), BorrowIndex: c.indexNow[i], LiquidationThreshold: c.ltNow[i]}
	}
	return c
}

// check values the position as the keeper does (Values: underlying
// ⌊R × total / supply⌋, debt ⌈S × index⌉, risk.HealthFactor) and, when it
// is below HF 1 with debt, requires one of its (collateral, debt) pairs to
// hold its key within that pair's threshold: the scan examines it.
func (c boundCase) check(t *testing.T) (below bool) {
	t.Helper()
	var colls []risk.Collateral
	var held []heldCollateral
	for i := 0; i < 2; i++ {
		u := sdkmath.ZeroInt()
		if c.receipts[i].IsPositive() {
			var err error
			if u, err = types.UnderlyingForReceipts(c.receipts[i], c.supplyNow[i], c.totalNow[i]); err != nil {
				t.Fatal(err)
			}
		}
		colls = append(colls, risk.Collateral{Amount: u, Price: c.collPriceNow[i], Factor: c.ltNow[i]})
		held = append(held, heldCollateral{Receipts: c.receipts[i], Ref: c.refColl[i]})
	}
	var debts []risk.Debt
	var owed []heldDebt
	for i := 0; i < 2; i++ {
		d, err := risk.DebtFromScaled(c.scaled[i], c.indexNow[i])
		if err != nil {
			t.Fatal(err)
		}
		debts = append(debts, risk.Debt{Amount: d, Price: c.debtNow[i]})
		owed = append(owed, heldDebt{Scaled: c.scaled[i], Ref: c.refDebt[i]})
	}
	wc, err := risk.WeightedCollateral(colls)
	if err != nil {
		t.Fatal(err)
	}
	td, err := risk.TotalDebt(debts)
	if err != nil {
		t.Fatal(err)
	}
	hf, err := risk.HealthFactor(wc, td)
	if err != nil {
		t.Fatal(err)
	}
	if !td.IsPositive() || hf.GTE(sdkmath.LegacyOneDec()) {
		return false
	}
	h, err := ReferenceHealth(held, owed)
	if err != nil {
		t.Fatal(err)
	}
	key := HealthKey(h)
	for i := 0; i < 2; i++ {
		if c.receipts[i].IsZero() {
			continue // not a pair of the position
		}
		for j := 0; j < 2; j++ {
			if c.scaled[j].IsZero() {
				continue
			}
			rd, ok := DebtRatio(c.nowDebt[j], c.refDebt[j])
			if key <= ThresholdKey(CollateralRatio(c.nowColl[i], c.refColl[i]), rd, ok) {
				return true
			}
		}
	}
	t.Fatalf("HF %s < 1 but key %d (h %s) is above every pair's threshold: %+v", hf, key, h, c)
	return true
}

// TestIndexBoundAgainstBruteForce: 20,000 random positions and moves.
func TestIndexBoundAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	below := 0
	for i := 0; i < 20_000; i++ {
		if newBoundCase(r).check(t) {
			below++
		}
	}
	if below < 1000 {
		t.Fatalf("only %d of 20,000 cases below HF 1: the test proves little", below)
	}
	t.Logf("%d of 20,000 random positions below HF 1, each within a pair's threshold", below)
}

// FuzzIndexBound: go test -fuzz FuzzIndexBound ./x/lend/keeper
func FuzzIndexBound(f *testing.F) {
	for _, s := range []int64{1, 2, 3, 42, 1 << 40} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed int64) {
		newBoundCase(rand.New(rand.NewSource(seed))).check(t)
	})
}

// The bound is tight enough to be useful: with no move, a position keyed
// at HF 1.0001 is not examined (threshold 1.000000), one at 0.9999 is.
func TestThresholdWithoutMove(t *testing.T) {
	ref := RefPoint{Version: 1, CollateralPrice: sdkmath.LegacyOneDec(), DebtPrice: sdkmath.LegacyOneDec(),
		ExchangeRate: sdkmath.LegacyOneDec(), BorrowIndex: sdkmath.LegacyOneDec(), LiquidationThreshold: sdkmath.LegacyOneDec()}
	now := NowPoint{CollateralPrice: sdkmath.LegacyOneDec(), DebtPrice: sdkmath.LegacyOneDec(),
		ExchangeRate: sdkmath.LegacyOneDec(), BorrowIndex: sdkmath.LegacyOneDec(), LiquidationThreshold: sdkmath.LegacyOneDec()}
	rd, ok := DebtRatio(now, ref)
	limit := ThresholdKey(CollateralRatio(now, ref), rd, ok)
	if limit != keyScale {
		t.Fatalf("threshold %d with no move, want %d", limit, keyScale)
	}
	if NeedsRebase(now, ref) {
		t.Fatal("rebase with no move")
	}
	now.CollateralPrice = sdkmath.LegacyMustNewDecFromStr("0.97")
	if !NeedsRebase(now, ref) {
		t.Fatal("no rebase after a 3 % fall")
	}
}
