package math_test

import (
	"encoding/binary"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	sdkmath "cosmossdk.io/math"

	oraclemath "github.com/agora-labs/agora/x/oracle/math"
)

var atto = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// decodeVotes turns fuzz bytes into at most 64 valid votes, 8 bytes each:
// 4 bytes price mantissa, 1 byte price exponent, 2 bytes power, 1 byte power
// shift. Prices span 1e-18 to ~4e12 and powers up to ~2^63, so ties, huge
// totals and tiny prices all occur.
func decodeVotes(data []byte) []oraclemath.Vote {
	var out []oraclemath.Vote
	for len(data) >= 8 && len(out) < 64 {
		mant := int64(binary.BigEndian.Uint32(data[0:4])%1_000_000) + 1
		exp := int64(data[4] % 25)
		price := new(big.Int).Mul(big.NewInt(mant), new(big.Int).Exp(big.NewInt(10), big.NewInt(exp), nil))
		power := (int64(binary.BigEndian.Uint16(data[5:7])) + 1) << (data[7] % 47)
		out = append(out, oraclemath.Vote{
			Price: sdkmath.LegacyNewDecFromBigIntWithPrec(price, sdkmath.LegacyPrecision),
			Power: power,
		})
		data = data[8:]
	}
	return out
}

func FuzzWeightedMedian(f *testing.F) {
	f.Add([]byte{0, 0, 0, 1, 0, 0, 1, 0}, uint64(1))
	f.Add([]byte{0, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0}, uint64(2))
	f.Add([]byte{0, 0, 0, 9, 18, 0, 1, 0, 0, 0, 0, 9, 18, 0, 1, 0, 0, 0, 0, 3, 18, 255, 255, 46}, uint64(3))
	f.Fuzz(func(t *testing.T, data []byte, seed uint64) {
		vs := decodeVotes(data)
		got, err := oraclemath.WeightedMedian(vs)
		if len(vs) == 0 {
			if err == nil {
				t.Fatal("expected error for no votes")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}

		// The result is one of the input prices.
		if !slices.ContainsFunc(vs, func(v oraclemath.Vote) bool { return v.Price.Equal(got) }) {
			t.Fatalf("result %s is not an input price", got)
		}

		// It is the lower weighted median: strictly-below power is < half,
		// at-or-below power is >= half.
		total, below, atOrBelow := new(big.Int), new(big.Int), new(big.Int)
		for _, v := range vs {
			p := big.NewInt(v.Power)
			total.Add(total, p)
			if v.Price.LT(got) {
				below.Add(below, p)
			}
			if v.Price.LTE(got) {
				atOrBelow.Add(atOrBelow, p)
			}
		}
		if new(big.Int).Lsh(below, 1).Cmp(total) >= 0 {
			t.Fatalf("power strictly below %s already reaches half", got)
		}
		if new(big.Int).Lsh(atOrBelow, 1).Cmp(total) < 0 {
			t.Fatalf("power at or below %s does not reach half", got)
		}

		// Order independence.
		shuffled := slices.Clone(vs)
		rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)).Shuffle(len(shuffled), func(i, j int) {
			shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
		})
		again, err := oraclemath.WeightedMedian(shuffled)
		if err != nil {
			t.Fatal(err)
		}
		if !again.Equal(got) {
			t.Fatalf("order dependent: %s vs %s", got, again)
		}
		slices.Reverse(shuffled)
		if again, _ = oraclemath.WeightedMedian(shuffled); !again.Equal(got) {
			t.Fatalf("order dependent after reverse: %s vs %s", got, again)
		}
	})
}

// scaled returns v * 10^exp atto-units as a LegacyDec (exp < 40).
func scaled(v int64, exp uint8) sdkmath.LegacyDec {
	i := new(big.Int).Mul(big.NewInt(v), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp%40)), nil))
	return sdkmath.LegacyNewDecFromBigIntWithPrec(i, sdkmath.LegacyPrecision)
}

func FuzzClampChange(f *testing.F) {
	f.Add(int64(100), uint8(18), int64(150), uint8(18), uint32(100_000))
	f.Add(int64(100), uint8(18), int64(50), uint8(18), uint32(100_000))
	f.Add(int64(3), uint8(0), int64(1), uint8(18), uint32(500_000))
	f.Add(int64(0), uint8(0), int64(7), uint8(3), uint32(1))
	f.Add(int64(9_000_000_000_000_000_000), uint8(39), int64(-9_000_000_000_000_000_000), uint8(39), uint32(4_000_000_000))
	f.Fuzz(func(t *testing.T, prevV int64, prevExp uint8, nextV int64, nextExp uint8, maxPPM uint32) {
		prev, next := scaled(prevV, prevExp), scaled(nextV, nextExp)
		maxChange := sdkmath.LegacyNewDecWithPrec(int64(maxPPM), 6)

		got, clamped := oraclemath.ClampChange(prev, next, maxChange)
		if !got.IsInValidRange() {
			t.Fatalf("result out of LegacyDec range: %s", got)
		}
		if !prev.IsPositive() || !maxChange.IsPositive() {
			if clamped || !got.Equal(next) {
				t.Fatalf("guard disabled but result changed: %s -> %s", next, got)
			}
			return
		}

		// |got - prev| * 10^18 <= prev * max, exactly: got lies within
		// [prev(1-max), prev(1+max)].
		p, m := prev.BigInt(), maxChange.BigInt()
		band := new(big.Int).Mul(p, m)
		dist := func(x sdkmath.LegacyDec) *big.Int {
			d := new(big.Int).Sub(x.BigInt(), p)
			return d.Abs(d).Mul(d, atto)
		}
		if dist(got).Cmp(band) > 0 {
			t.Fatalf("ClampChange(%s, %s, %s) = %s outside band", prev, next, maxChange, got)
		}
		inBand := dist(next).Cmp(band) <= 0
		if inBand == clamped {
			t.Fatalf("clamped=%v but next in band=%v", clamped, inBand)
		}
		if !clamped && !got.Equal(next) {
			t.Fatalf("unclamped result %s != next %s", got, next)
		}
		if clamped {
			// The clamped value lies between prev and next (on next's side).
			lo, hi := prev, next
			if next.LT(prev) {
				lo, hi = next, prev
			}
			if got.LT(lo) || got.GT(hi) {
				t.Fatalf("clamped %s not between prev %s and next %s", got, prev, next)
			}
		}
	})
}
