package keeper_test

import (
	"math/big"
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/synth/types"
)

// snapshot is x/synth's state (without the per-block synth price states),
// the module's balances and the test accounts' balances except uagr (tx fees).
func (c *chain) snapshot() string {
	c.t.Helper()
	gs, err := c.App.SynthKeeper.ExportGenesis(c.Ctx())
	if err != nil {
		c.t.Fatal(err)
	}
	gs.SynthStates = nil
	out := gs.String() + "|" + c.Balances(c.App.SynthKeeper.ModuleAddress()).String()
	for _, n := range []string{"alice", "bob", "carol"} {
		bal := c.Balances(c.Address(n))
		out += "|" + bal.Sub(sdk.NewCoin("uagr", bal.AmountOf("uagr"))).String()
	}
	return out
}

// TestBadInput: every refused message fails with its registered error
// (codespace and code) and changes nothing.
func TestBadInput(t *testing.T) {
	c := newChain(t)
	alice, bob := c.addr("alice"), c.addr("bob")
	c.deliver("alice", stake(alice, 1_000_000_000), mint(alice, 200_000_000))
	c.deliver("bob", stake(bob, 1_000_000_000))
	negative := sdk.Coin{Denom: "uagr", Amount: sdkmath.NewInt(-5)}
	huge := sdkmath.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 220))

	cases := []struct {
		name   string
		signer string
		msg    sdk.Msg
		want   *errorsmod.Error
	}{
		{"stake zero", "alice", stake(alice, 0), types.ErrInvalidAmount},
		{"stake negative", "alice", &types.MsgStake{Staker: alice, Amount: negative}, types.ErrInvalidAmount},
		{"mint zero", "alice", mint(alice, 0), types.ErrInvalidAmount},
		{"mint negative", "alice", &types.MsgMint{Staker: alice, Denom: "uagr", Amount: ints(-1)}, types.ErrInvalidAmount},
		{"mint overflow", "alice", &types.MsgMint{Staker: alice, Denom: "uagr", Amount: huge}, types.ErrInvalidAmount},
		{"burn zero", "alice", burn(alice, 0), types.ErrInvalidAmount},
		{"exchange zero", "alice", exch(alice, 0, usd, btc, 0), types.ErrInvalidAmount},
		{"exchange negative min_out", "alice", exch(alice, 1, usd, btc, -1), types.ErrInvalidAmount},
		{"stake unknown collateral", "alice", &types.MsgStake{Staker: alice, Amount: sdk.NewInt64Coin("ubtc", 1)}, types.ErrUnknownCollateral},
		{"mint unknown collateral", "alice", &types.MsgMint{Staker: alice, Denom: "ubtc", Amount: ints(1)}, types.ErrUnknownCollateral},
		{"exchange unknown synth", "alice", exch(alice, 1_000_000, usd, "synth/DOGE", 0), types.ErrUnknownSynth},
		{"exchange not a synth", "alice", exch(alice, 1_000_000, usd, "ubtc", 0), types.ErrUnknownSynth},
		{"exchange to the same synth", "alice", exch(alice, 1_000_000, usd, usd, 0), types.ErrSameSynth},
		{"exchange more than held", "alice", exch(alice, 300_000_000, usd, btc, 0), types.ErrInsufficientFunds},
		{"mint beyond the issuance ratio", "alice", mint(alice, 50_000_001), types.ErrBelowIssuanceRatio},
		{"unstake below the issuance ratio", "alice", &types.MsgUnstake{Staker: alice, Amount: sdk.NewInt64Coin("uagr", 200_000_001)}, types.ErrBelowIssuanceRatio},
		{"unstake more than staked", "bob", &types.MsgUnstake{Staker: bob, Amount: sdk.NewInt64Coin("uagr", 1_000_000_001)}, types.ErrInsufficientStake},
		{"mint without a stake", "carol", mint(c.addr("carol"), 1), types.ErrNoPosition},
		{"burn without debt", "bob", burn(bob, 1), types.ErrNoDebt},
		{"burn more than the debt", "alice", burn(alice, 200_000_001), types.ErrInvalidAmount},
		{"claim with nothing to claim", "alice", &types.MsgClaimFees{Staker: alice, Denom: "uagr"}, types.ErrNothingToClaim},
		{"liquidate a healthy staker", "bob", &types.MsgLiquidateStaker{Liquidator: bob, Staker: alice, Denom: "uagr"}, types.ErrNotLiquidatable},
		{"liquidate a staker without debt", "alice", &types.MsgLiquidateStaker{Liquidator: alice, Staker: bob, Denom: "uagr"}, types.ErrNoDebt},
		{"stake with a bad address", "alice", &types.MsgStake{Staker: "agora1nope", Amount: sdk.NewInt64Coin("uagr", 1)}, types.ErrInvalidAddress},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := c.snapshot()
			isErr(t, c.try(tc.signer, tc.msg), tc.want)
			if after := c.snapshot(); after != before {
				t.Fatalf("state changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// TestBadInputGoverned: governed messages from anyone but the authority,
// and parameters out of bounds, are refused and change nothing; Validate
// reports every problem at once.
func TestBadInputGoverned(t *testing.T) {
	c := newChain(t)
	alice := c.addr("alice")
	badColl := agr()
	badColl.IssuanceRatio = dec("1.5") // = liquidation ratio
	lowColl := agr()
	lowColl.LiquidationRatio, lowColl.IssuanceRatio = dec("1"), dec("0.9")
	badParams := types.DefaultParams()
	badParams.CircuitBreakerBound, badParams.MaxSynths = dec("0"), 0
	usdWithPair := synth("USD", "USD/USD", "0")

	cases := []struct {
		name string
		msg  sdk.Msg
		want *errorsmod.Error
	}{
		{"set collateral by a user", &types.MsgSetCollateral{Authority: alice, Collateral: agr()}, types.ErrUnauthorized},
		{"set synth by a user", &types.MsgSetSynth{Authority: alice, Synth: synth("XAU", "XAU/USD", "0.003")}, types.ErrUnauthorized},
		{"resume by a user", &types.MsgResumeSynth{Authority: alice, Symbol: "BTC"}, types.ErrUnauthorized},
		{"params by a user", &types.MsgUpdateParams{Authority: alice, Params: types.DefaultParams()}, types.ErrUnauthorized},
		{"issuance ratio = liquidation ratio", &types.MsgSetCollateral{Authority: govAddr(), Collateral: badColl}, types.ErrInvalidCollateral},
		{"ratios ≤ 100 %", &types.MsgSetCollateral{Authority: govAddr(), Collateral: lowColl}, types.ErrInvalidCollateral},
		{"params out of bounds", &types.MsgUpdateParams{Authority: govAddr(), Params: badParams}, types.ErrInvalidParams},
		{"synth/USD with a pair", &types.MsgSetSynth{Authority: govAddr(), Synth: usdWithPair}, types.ErrInvalidSynth},
		{"resume a synth that is not suspended", &types.MsgResumeSynth{Authority: govAddr(), Symbol: "BTC"}, types.ErrNotSuspended},
		{"resume an unknown synth", &types.MsgResumeSynth{Authority: govAddr(), Symbol: "DOGE"}, types.ErrUnknownSynth},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := c.snapshot()
			isErr(t, c.govErr(tc.msg), tc.want)
			if after := c.snapshot(); after != before {
				t.Fatalf("state changed")
			}
		})
	}
	err := badParams.Validate()
	for _, want := range []string{"circuit_breaker_bound", "max_synths"} {
		if err == nil || !contains(err.Error(), want) {
			t.Fatalf("Validate() = %v, want it to name %s", err, want)
		}
	}
}

// TestBadInputExchangeState: exchanges refused by state — module paused,
// synth paused, supply cap — change nothing.
func TestBadInputExchangeState(t *testing.T) {
	c := newChain(t)
	alice := c.addr("alice")
	c.deliver("alice", stake(alice, 10_000_000_000), mint(alice, 1_000_000_000))

	capped := synth("ETH", "ETH/USD", "0.003")
	capped.SupplyCap = ints(10_000) // 0.01 ETH
	c.gov(&types.MsgSetSynth{Authority: govAddr(), Synth: capped})
	before := c.snapshot()
	isErr(t, c.try("alice", exch(alice, 100_000_000, usd, eth, 0)), types.ErrSupplyCap)
	if c.snapshot() != before {
		t.Fatal("state changed")
	}

	paused := synth("BTC", "BTC/USD", "0.003")
	paused.Paused = true
	c.gov(&types.MsgSetSynth{Authority: govAddr(), Synth: paused})
	before = c.snapshot()
	isErr(t, c.try("alice", exch(alice, 1_000_000, usd, btc, 0)), types.ErrPaused)
	if c.snapshot() != before {
		t.Fatal("state changed")
	}

	p := types.DefaultParams()
	p.Paused = true
	c.gov(&types.MsgUpdateParams{Authority: govAddr(), Params: p})
	before = c.snapshot()
	isErr(t, c.try("alice", exch(alice, 1_000_000, usd, eth, 0)), types.ErrPaused)
	isErr(t, c.try("alice", mint(alice, 1)), types.ErrPaused)
	isErr(t, c.try("alice", stake(alice, 1)), types.ErrPaused)
	if c.snapshot() != before {
		t.Fatal("state changed")
	}
	// Burning (an exit) still works while paused.
	c.deliver("alice", burn(alice, 1_000_000))
}

// TestMissingPriceFailsClosed: with a synth in supply whose price is
// missing, the pool debt cannot be computed: mint, unstake with debt and
// liquidation are refused (ErrPriceUnavailable) and change nothing; staking
// and unstaking without debt still work; a burn is deferred (its synth/USD
// escrowed) and burns in the first block where the pool debt is known.
func TestMissingPriceFailsClosed(t *testing.T) {
	c := newChain(t)
	alice, bob := c.addr("alice"), c.addr("bob")
	c.deliver("alice", stake(alice, 10_000_000_000), mint(alice, 1_000_000_000))
	c.deliver("bob", stake(bob, 1_000_000_000))
	c.deliver("alice", exch(alice, 100_000_000, usd, btc, 0))
	c.next()
	if c.balance("alice", btc).IsZero() {
		t.Fatal("no synth/BTC")
	}
	delete(c.p, "BTC/USD")
	c.AdvanceBlocks(70) // every price stale
	before := c.snapshot()
	for _, m := range []sdk.Msg{mint(alice, 1), &types.MsgUnstake{Staker: alice, Amount: sdk.NewInt64Coin("uagr", 1)}} {
		isErr(t, c.try("alice", m), types.ErrPriceUnavailable)
	}
	if c.snapshot() != before {
		t.Fatal("state changed")
	}
	c.deliver("bob", &types.MsgUnstake{Staker: bob, Amount: sdk.NewInt64Coin("uagr", 1_000_000)})

	sharesBefore := c.position("alice").Shares
	c.deliver("alice", burn(alice, 100_000_000))
	burnEx := c.exchange(2)
	if burnEx.Exchange.Status != types.ExchangeStatus_EXCHANGE_STATUS_PENDING || burnEx.Exchange.BurnDenom != "uagr" || burnEx.Waiting == "" {
		t.Fatalf("deferred burn: %+v", burnEx)
	}
	if got := c.position("alice").Shares; !got.Equal(sharesBefore) {
		t.Fatalf("shares moved before the burn settled: %s → %s", sharesBefore, got)
	}
	c.p["BTC/USD"] = "60000"
	c.next()
	if st := c.exchange(2).Exchange; st.Status != types.ExchangeStatus_EXCHANGE_STATUS_SETTLED || !st.Out.Equal(ints(100_000_000)) {
		t.Fatalf("deferred burn after the price returned: %+v", st)
	}
	if got := c.position("alice").Shares; !got.LT(sharesBefore) {
		t.Fatalf("shares %s not reduced from %s", got, sharesBefore)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
