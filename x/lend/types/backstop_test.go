package types_test

import (
	"strings"
	"testing"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/lend/types"
)

func i(n int64) sdkmath.Int { return sdkmath.NewInt(n) }

// Hand-derived vectors: a pool of 1,000 receipts for 900 shares (a share
// is worth 1.111… receipts).
func TestBackstopShareArithmetic(t *testing.T) {
	shares, staked := i(900), i(1000)
	for _, c := range []struct {
		name      string
		got, want sdkmath.Int
	}{
		{"first stake 1:1", types.SharesForStake(i(500), i(0), i(0)), i(500)},
		{"stake 100 → ⌊100 × 900 / 1000⌋", types.SharesForStake(i(100), shares, staked), i(90)},
		{"stake 1 → ⌊0.9⌋", types.SharesForStake(i(1), shares, staked), i(0)},
		{"90 shares → ⌊100⌋", types.ReceiptsForShares(i(90), shares, staked), i(100)},
		{"1 share → ⌊1.11⌋", types.ReceiptsForShares(i(1), shares, staked), i(1)},
		{"unstake 1 receipt → ⌈0.9⌉", types.SharesForReceipts(i(1), shares, staked), i(1)},
		{"unstake 100 → 90", types.SharesForReceipts(i(100), shares, staked), i(90)},
		{"claim capped by max", types.ClaimReceipts(i(90), i(95), shares, staked), i(95)},
		{"claim at the rate now", types.ClaimReceipts(i(90), i(120), shares, staked), i(100)},
		{"burn ⌈50 × 1000 / 1100⌉", types.BackstopBurn(i(50), staked, i(1000), i(1100)), i(46)},
		{"burn capped by staked", types.BackstopBurn(i(5000), staked, i(1000), i(1100)), staked},
	} {
		if !c.got.Equal(c.want) {
			t.Errorf("%s: got %s, want %s", c.name, c.got, c.want)
		}
	}
	if r := types.ShareRate(shares, staked); !r.Equal(sdkmath.LegacyMustNewDecFromStr("1.111111111111111111")) {
		t.Errorf("share rate %s", r)
	}
}

// Round trips never favour the staker: staking r and unstaking what the
// shares are worth returns at most r.
func TestBackstopRoundTripFavoursPool(t *testing.T) {
	for shares := int64(1); shares < 60; shares += 7 {
		for staked := int64(1); staked < 60; staked += 5 {
			for r := int64(1); r < 40; r += 3 {
				s := types.SharesForStake(i(r), i(shares), i(staked))
				back := types.ReceiptsForShares(s, i(shares).Add(s), i(staked+r))
				if back.GT(i(r)) {
					t.Fatalf("shares %d staked %d: staked %d, got back %d", shares, staked, r, back)
				}
			}
		}
	}
}

// The reward moves ⌊income × share⌋ out of reserves and mints receipts
// for it at the exchange rate rounded down: the rate does not fall.
func TestBackstopReward(t *testing.T) {
	reward, receipts := types.BackstopReward(i(1000), i(5000), sdkmath.LegacyMustNewDecFromStr("0.25"), i(3000), i(3300))
	if !reward.Equal(i(250)) || !receipts.Equal(i(227)) { // ⌊250 × 3000 / 3300⌋ = 227
		t.Fatalf("reward %s receipts %s", reward, receipts)
	}
	before := types.ExchangeRate(i(3000), i(3300))
	after := types.ExchangeRate(i(3000).Add(receipts), i(3300).Add(reward))
	if after.LT(before) {
		t.Fatalf("rate fell %s → %s", before, after)
	}
	// Capped by reserves; nothing with no share, no supply.
	if r, _ := types.BackstopReward(i(1000), i(10), sdkmath.LegacyOneDec(), i(3000), i(3300)); !r.Equal(i(10)) {
		t.Fatalf("capped reward %s", r)
	}
	if r, n := types.BackstopReward(i(1000), i(5000), sdkmath.LegacyDec{}, i(3000), i(3300)); !r.IsZero() || !n.IsZero() {
		t.Fatal("nil share paid a reward")
	}
	if r, _ := types.BackstopReward(i(1000), i(5000), sdkmath.LegacyOneDec(), i(0), i(0)); !r.IsZero() {
		t.Fatal("reward without receipts")
	}
}

// APR: 10 % borrow rate on 1,000 borrowed, reserve factor 0.2, half to the
// backstop = 10 a year on a backstop worth 100: 10 %.
func TestBackstopRewardAPR(t *testing.T) {
	d := sdkmath.LegacyMustNewDecFromStr
	if got := types.BackstopRewardAPR(i(1000), d("0.1"), d("0.2"), d("0.5"), i(100)); !got.Equal(d("0.1")) {
		t.Fatalf("APR %s", got)
	}
	if got := types.BackstopRewardAPR(i(1000), d("0.1"), d("0.2"), d("0.5"), i(0)); !got.IsZero() {
		t.Fatalf("APR of an empty backstop %s", got)
	}
}

// Market validation bounds the backstop fields.
func TestMarketBackstopBounds(t *testing.T) {
	m := validMarket()
	m.BackstopRewardShare = sdkmath.LegacyMustNewDecFromStr("1.1")
	m.BackstopCooldownSeconds = types.MaxBackstopCooldownSeconds + 1
	err := m.Validate()
	if !types.ErrInvalidMarket.Is(err) || !strings.Contains(err.Error(), "backstop_reward_share") || !strings.Contains(err.Error(), "backstop_cooldown_seconds") {
		t.Fatalf("%v", err)
	}
	m = validMarket()
	m.BackstopRewardShare = sdkmath.LegacyDec{} // unset: 0
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
}
