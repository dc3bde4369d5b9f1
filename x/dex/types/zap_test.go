package types_test

import (
	"math/rand"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/dex/types"
)

var zapDenoms = []string{"uaaa", "ubbb", "uccc", "uddd"}

// randomPool is a pool of n assets with reserves within a factor 100 of
// each other (stableswap: within a factor 3), total shares ~ the reserves.
func randomPool(r *rand.Rand, typ types.PoolType, n int) types.Pool {
	base := int64(1_000_000) << r.Intn(30)
	reserves := sdk.Coins{}
	for k := 0; k < n; k++ {
		spread := int64(100)
		if typ == types.POOL_TYPE_STABLESWAP {
			spread = 3
		}
		amt := base/spread + r.Int63n(base)
		reserves = append(reserves, sdk.NewInt64Coin(zapDenoms[k], amt))
	}
	fees := []int64{1, 5, 30, 100} // basis points
	p := types.Pool{
		Id: 1, Type: typ, ShareDenom: types.ShareDenom(1), Reserves: reserves,
		SwapFee: sdkmath.LegacyNewDecWithPrec(fees[r.Intn(len(fees))], 4),
	}
	if typ == types.POOL_TYPE_STABLESWAP {
		a := uint64(1 + r.Intn(5000))
		p.Amplification = &types.Amplification{Initial: a, Future: a}
	}
	shares, err := types.InitialShares(typ, p.Amounts(), p.AmplificationAt(time.Time{}))
	if err != nil {
		panic(err)
	}
	p.TotalShares = shares
	return p
}

// Security finding 3: a single-asset join followed by a single-asset exit
// (a "zap") never pays out more than the direct swap, for constant-product
// and 2-4-asset stableswap pools, and with a protocol share it pays the
// community pool on both legs.
func TestZapNeverBeatsSwap(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	now := time.Time{}
	share := sdkmath.LegacyNewDecWithPrec(2, 1) // 20% protocol share
	tried := 0
	for iter := 0; iter < 3000; iter++ {
		typ, n := types.POOL_TYPE_CONSTANT_PRODUCT, 2
		if iter%2 == 1 {
			typ, n = types.POOL_TYPE_STABLESWAP, 2+r.Intn(3)
		}
		p := randomPool(r, typ, n)
		i, j := r.Intn(n), r.Intn(n-1)
		if j >= i {
			j++
		}
		in, out := p.Reserves[i].Denom, p.Reserves[j].Denom
		// from 10^-6 to 2× the reserve
		amt := p.Reserves[i].Amount.QuoRaw(1_000_000).MulRaw(1 + r.Int63n(2_000_000))
		if !amt.IsPositive() {
			continue
		}
		direct, _, err := p.SwapExactIn(in, out, amt, now, share)
		if err != nil {
			continue
		}
		join, err := p.JoinSingleAsset(sdk.NewCoin(in, amt), now, share)
		if err != nil {
			continue
		}
		exit, err := join.After.ExitSingleAsset(join.Shares, out, now, share)
		if err != nil {
			continue
		}
		tried++
		if exit.Token.Amount.GT(direct.TokenOut.Amount) {
			t.Fatalf("%v pool %v fee %s A %d: zap %s%s -> %s beats the swap's %s",
				typ, p.Reserves, p.SwapFee, p.AmplificationAt(now), amt, in, exit.Token, direct.TokenOut)
		}
		// The protocol is paid on the join's fee (in the input asset).
		joinFee := join.ProtocolFee.AmountOf(in)
		if amt.GTE(sdkmath.NewInt(1_000_000_000)) && p.SwapFee.GTE(sdkmath.LegacyNewDecWithPrec(30, 4)) && !joinFee.IsPositive() {
			t.Fatalf("%v: join of %s%s paid no protocol fee", typ, amt, in)
		}
	}
	if tried < 1000 {
		t.Fatalf("only %d zaps could be priced", tried)
	}
}

// The protocol share of a single-asset join and exit leaves the pool: the
// reserves after equal the reserves before plus what came in, minus what
// went out and the protocol fee.
func TestSingleAssetProtocolFeeLeavesPool(t *testing.T) {
	now := time.Time{}
	share := sdkmath.LegacyNewDecWithPrec(5, 1)
	for _, typ := range []types.PoolType{types.POOL_TYPE_CONSTANT_PRODUCT, types.POOL_TYPE_STABLESWAP} {
		p := randomPool(rand.New(rand.NewSource(1)), typ, 2)
		p.SwapFee = sdkmath.LegacyNewDecWithPrec(1, 2)
		in := sdk.NewCoin(p.Reserves[0].Denom, p.Reserves[0].Amount.QuoRaw(2))
		join, err := p.JoinSingleAsset(in, now, share)
		if err != nil {
			t.Fatal(err)
		}
		if join.ProtocolFee.IsZero() {
			t.Fatalf("%v: no protocol fee on a join", typ)
		}
		want := p.Reserves.Add(in).Sub(join.ProtocolFee...)
		if !join.After.Reserves.Equal(want) {
			t.Fatalf("%v join: reserves %s, want %s", typ, join.After.Reserves, want)
		}
		exit, err := join.After.ExitSingleAsset(join.Shares, p.Reserves[1].Denom, now, share)
		if err != nil {
			t.Fatal(err)
		}
		if exit.ProtocolFee.IsZero() {
			t.Fatalf("%v: no protocol fee on an exit", typ)
		}
		want = join.After.Reserves.Sub(exit.Token).Sub(exit.ProtocolFee...)
		if !exit.After.Reserves.Equal(want) {
			t.Fatalf("%v exit: reserves %s, want %s", typ, exit.After.Reserves, want)
		}
	}
}

// FuzzZapNeverBeatsSwap is TestZapNeverBeatsSwap under `go test -fuzz`:
// pool type, number of assets, reserves, fee, A and amount come from the
// fuzzer.
func FuzzZapNeverBeatsSwap(f *testing.F) {
	f.Add(int64(1), uint8(1), uint8(3), int64(200_000)) // the 3-asset case that beat Curve's fee
	f.Add(int64(2), uint8(0), uint8(2), int64(1_000_000))
	f.Add(int64(3), uint8(1), uint8(2), int64(2_000_000))
	f.Fuzz(func(t *testing.T, seed int64, stable uint8, n uint8, ppm int64) {
		r := rand.New(rand.NewSource(seed))
		typ, assets := types.POOL_TYPE_CONSTANT_PRODUCT, 2
		if stable%2 == 1 {
			typ, assets = types.POOL_TYPE_STABLESWAP, 2+int(n)%3
		}
		p := randomPool(r, typ, assets)
		if ppm <= 0 || ppm > 2_000_000 {
			return
		}
		amt := p.Reserves[0].Amount.QuoRaw(1_000_000).MulRaw(ppm)
		if !amt.IsPositive() {
			return
		}
		in, out := p.Reserves[0].Denom, p.Reserves[assets-1].Denom
		share := sdkmath.LegacyNewDecWithPrec(2, 1)
		direct, _, err := p.SwapExactIn(in, out, amt, time.Time{}, share)
		if err != nil {
			return
		}
		join, err := p.JoinSingleAsset(sdk.NewCoin(in, amt), time.Time{}, share)
		if err != nil {
			return
		}
		exit, err := join.After.ExitSingleAsset(join.Shares, out, time.Time{}, share)
		if err != nil {
			return
		}
		if exit.Token.Amount.GT(direct.TokenOut.Amount) {
			t.Fatalf("%v %s fee %s: zap %s%s -> %s beats the swap's %s", typ, p.Reserves, p.SwapFee, amt, in, exit.Token, direct.TokenOut)
		}
	})
}
