package types_test

import (
	"math/big"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/synth/types"
)

func priceOf(raw uint64) sdkmath.LegacyDec {
	// 10^-6 .. ~10^7 USD per whole synth
	return sdkmath.LegacyNewDecWithPrec(int64(raw%10_000_000_000_000)+1, 6)
}

// FuzzExchangeConserves: at the settlement prices, what an exchange pays
// out plus its fee never exceeds the value put in, and rounding loses
// less than one unit of the destination synth (plus one µUSD of fee).
func FuzzExchangeConserves(f *testing.F) {
	f.Add(uint64(100_000_000), uint64(1_000_000), uint64(60_000_000_000), uint64(3_000))
	f.Add(uint64(1), uint64(1), uint64(1), uint64(0))
	f.Add(uint64(1<<62), uint64(9_999_999_999_999), uint64(7), uint64(199_999))
	f.Fuzz(func(t *testing.T, amt, fromRaw, toRaw, feeRaw uint64) {
		amount := sdkmath.NewIntFromUint64(amt)
		from, to := priceOf(fromRaw), priceOf(toRaw)
		fee := sdkmath.LegacyNewDecWithPrec(int64(feeRaw%200_000), 6) // [0, 0.2)
		r, err := types.ExchangeOut(amount, from, to, fee)
		if err != nil {
			t.Fatal(err)
		}
		value := new(big.Int).Mul(amount.BigInt(), from.BigInt()) // ·10^18
		paid := new(big.Int).Add(new(big.Int).Mul(r.Out.BigInt(), to.BigInt()), new(big.Int).Mul(r.Fee.BigInt(), pow18()))
		if paid.Cmp(value) > 0 {
			t.Fatalf("out %s × %s + fee %s > value %s", r.Out, to, r.Fee, r.Value)
		}
		slack := new(big.Int).Add(to.BigInt(), pow18())
		slack.Add(slack, pow18())
		if new(big.Int).Sub(value, paid).Cmp(new(big.Int).Add(slack, new(big.Int).Quo(new(big.Int).Mul(value, fee.BigInt()), pow18()))) > 0 {
			t.Fatalf("exchange lost more than the fee and rounding: value %s out %s fee %s", r.Value, r.Out, r.Fee)
		}
	})
}

// FuzzNoFreeDebt: two stakers mint; staker A then runs any sequence of
// mints, exchanges (synth/USD ↔ synth/BTC at unchanged prices) and burns,
// claiming its fees. A's net worth — synths held (at the prices) + fees
// claimable − debt — never rises above where it started (0 minus the
// rounding of its first mint): no sequence lets it burn less debt than it
// minted. The fee rate is fixed at 0.3 %.
func FuzzNoFreeDebt(f *testing.F) {
	f.Add(uint64(100_000_000), uint64(50_000_000), []byte{0, 1, 2, 3, 1, 2, 0, 3})
	f.Add(uint64(1), uint64(1), []byte{1, 1, 1, 2, 2, 2, 3})
	f.Add(uint64(999_999_999_999), uint64(7), []byte{1, 2, 1, 2, 1, 2, 3, 3, 0})
	f.Fuzz(func(t *testing.T, mintA, mintB uint64, ops []byte) {
		if mintA == 0 || mintB == 0 || mintA > 1<<50 || mintB > 1<<50 || len(ops) > 64 {
			return
		}
		btcPrice, fee := sdkmath.LegacyNewDec(60_000), sdkmath.LegacyNewDecWithPrec(3, 3)
		usdSupply, btcSupply, total := sdkmath.ZeroInt(), sdkmath.ZeroInt(), sdkmath.ZeroInt()
		acc := sdkmath.LegacyZeroDec()
		debt := func() sdkmath.LegacyDec {
			d, err := types.PoolDebt([]sdkmath.Int{usdSupply, btcSupply}, []sdkmath.LegacyDec{sdkmath.LegacyOneDec(), btcPrice})
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		type staker struct{ shares, usd, btc, fees sdkmath.Int }
		newStaker := func() *staker {
			return &staker{sdkmath.ZeroInt(), sdkmath.ZeroInt(), sdkmath.ZeroInt(), sdkmath.ZeroInt()}
		}
		a, b := newStaker(), newStaker()
		mint := func(s *staker, amt sdkmath.Int) {
			sh, err := types.SharesForMint(amt, total, debt())
			if err != nil {
				t.Fatal(err)
			}
			s.shares, total, usdSupply, s.usd = s.shares.Add(sh), total.Add(sh), usdSupply.Add(amt), s.usd.Add(amt)
		}
		exchange := func(s *staker, toBTC bool) {
			var r types.ExchangeResult
			var err error
			if toBTC {
				if s.usd.IsZero() {
					return
				}
				in := s.usd
				r, err = types.ExchangeOut(in, sdkmath.LegacyOneDec(), btcPrice, fee)
				s.usd, usdSupply = s.usd.Sub(in), usdSupply.Sub(in)
				s.btc, btcSupply = s.btc.Add(r.Out), btcSupply.Add(r.Out)
			} else {
				if s.btc.IsZero() {
					return
				}
				in := s.btc
				r, err = types.ExchangeOut(in, btcPrice, sdkmath.LegacyOneDec(), fee)
				s.btc, btcSupply = s.btc.Sub(in), btcSupply.Sub(in)
				s.usd, usdSupply = s.usd.Add(r.Out), usdSupply.Add(r.Out)
			}
			if err != nil {
				t.Fatal(err)
			}
			// fee minted as synth/USD to the fee pool, shared per share
			// (a's and b's shares only: no one else holds any).
			usdSupply = usdSupply.Add(r.Fee)
			next, err := types.FeePerShareAfter(acc, r.Fee, total)
			if err != nil {
				t.Fatal(err)
			}
			a.fees = a.fees.Add(types.AccruedFees(a.shares, next, acc))
			b.fees = b.fees.Add(types.AccruedFees(b.shares, next, acc))
			acc = next
		}
		burnAll := func(s *staker) {
			d := debt()
			owed, err := types.DebtOf(s.shares, total, d)
			if err != nil {
				t.Fatal(err)
			}
			amt := sdkmath.MinInt(owed, s.usd)
			if amt.IsZero() {
				return
			}
			sh, err := types.SharesForBurn(amt, s.shares, total, d)
			if err != nil {
				t.Fatal(err)
			}
			s.shares, total, usdSupply, s.usd = s.shares.Sub(sh), total.Sub(sh), usdSupply.Sub(amt), s.usd.Sub(amt)
		}
		net := func(s *staker) *big.Int { // ·10^18 µUSD
			owed, err := types.DebtOf(s.shares, total, debt())
			if err != nil {
				t.Fatal(err)
			}
			v := new(big.Int).Mul(new(big.Int).Add(s.usd.BigInt(), s.fees.BigInt()), pow18())
			v.Add(v, new(big.Int).Mul(s.btc.BigInt(), btcPrice.BigInt()))
			return v.Sub(v, new(big.Int).Mul(owed.BigInt(), pow18()))
		}
		mint(a, sdkmath.NewIntFromUint64(mintA))
		mint(b, sdkmath.NewIntFromUint64(mintB))
		start := net(a)
		for _, op := range ops {
			switch op % 4 {
			case 0:
				mint(a, sdkmath.NewIntFromUint64(mintA/3+1))
			case 1:
				exchange(a, true)
			case 2:
				exchange(a, false)
			case 3:
				// claim fees into synth/USD (the fee pool's synth/USD moves to a)
				a.usd, a.fees = a.usd.Add(a.fees), sdkmath.ZeroInt()
				burnAll(a)
			}
			// a's debt rounds up: its net may gain at most the one µUSD a
			// fresh DebtOf ceiling can give back.
			if got := net(a); got.Cmp(new(big.Int).Add(start, pow18())) > 0 {
				t.Fatalf("after op %d: A's net %s rose above its start %s", op, got, start)
			}
		}
	})
}
