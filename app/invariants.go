package app

import (
	"errors"
	"fmt"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// Invariant is a property of the whole state that must hold after every
// block. It returns a descriptive error when broken.
type Invariant struct {
	Name  string
	Check func(ctx sdk.Context) error
}

// Invariants lists every module invariant of the app. Integration tests
// assert all of them after every block; a module that moves value adds its
// own here.
func (app *AgoraApp) Invariants() []Invariant {
	return []Invariant{
		{Name: "bank/total-supply", Check: app.totalSupplyInvariant},
		{Name: "staking/bonded-pool", Check: app.bondedPoolInvariant},
		{Name: "dex/module-balance", Check: app.DexKeeper.ModuleBalanceInvariant},
		{Name: "dex/share-supply", Check: app.DexKeeper.ShareSupplyInvariant},
		{Name: "lend/module-balance", Check: app.LendKeeper.ModuleBalanceInvariant},
		{Name: "lend/scaled-debt", Check: app.LendKeeper.ScaledDebtInvariant},
		{Name: "lend/receipt-backing", Check: app.LendKeeper.ReceiptBackingInvariant},
		{Name: "lend/backstop", Check: app.LendKeeper.BackstopInvariant},
		{Name: "incentives/module-balance", Check: app.IncentivesKeeper.ModuleBalanceInvariant},
		{Name: "incentives/bonded-totals", Check: app.IncentivesKeeper.BondedTotalsInvariant},
		{Name: "incentives/gauge-index", Check: app.IncentivesKeeper.GaugeIndexInvariant},
		{Name: "margin/managed-accounts", Check: app.MarginKeeper.ManagedAccountsInvariant},
		{Name: "margin/module-balance", Check: app.MarginKeeper.ModuleBalanceInvariant},
		{Name: "margin/open-interest", Check: app.MarginKeeper.OpenInterestInvariant},
		{Name: "cdp/ausd-supply", Check: app.CdpKeeper.SupplyInvariant},
		{Name: "cdp/module-balance", Check: app.CdpKeeper.ModuleBalanceInvariant},
		{Name: "cdp/vault-totals", Check: app.CdpKeeper.VaultTotalsInvariant},
		{Name: "cdp/pool", Check: app.CdpKeeper.PoolInvariant},
		{Name: "synth/shares", Check: app.SynthKeeper.SharesInvariant},
		{Name: "synth/module-balance", Check: app.SynthKeeper.ModuleBalanceInvariant},
		{Name: "synth/debt", Check: app.SynthKeeper.DebtInvariant},
		{Name: "forum/indexes", Check: app.ForumKeeper.IndexInvariant},
		{Name: "timelock/queue", Check: app.TimelockKeeper.QueueInvariant},
	}
}

// CheckInvariants runs every invariant and joins the failures.
func (app *AgoraApp) CheckInvariants(ctx sdk.Context) error {
	var errs []error
	for _, inv := range app.Invariants() {
		if err := inv.Check(ctx); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", inv.Name, err))
		}
	}
	return errors.Join(errs...)
}

// totalSupplyInvariant: for every denom, the recorded supply equals the sum
// of all account balances. Coins are neither created nor lost outside
// mint/burn.
func (app *AgoraApp) totalSupplyInvariant(ctx sdk.Context) error {
	sum := sdk.NewCoins()
	app.BankKeeper.IterateAllBalances(ctx, func(_ sdk.AccAddress, c sdk.Coin) bool {
		if c.IsNegative() {
			return true
		}
		sum = sum.Add(c)
		return false
	})
	supply, _, err := app.BankKeeper.GetPaginatedTotalSupply(ctx, nil)
	if err != nil {
		return err
	}
	if !supply.Equal(sum) {
		return fmt.Errorf("recorded supply %s differs from the sum of balances %s", supply, sum)
	}
	return nil
}

// bondedPoolInvariant: the bonded pool holds exactly the tokens of bonded
// validators.
func (app *AgoraApp) bondedPoolInvariant(ctx sdk.Context) error {
	bonded := sdkmath.ZeroInt()
	err := app.StakingKeeper.IterateValidators(ctx, func(_ int64, v stakingtypes.ValidatorI) bool {
		if v.IsBonded() {
			bonded = bonded.Add(v.GetTokens())
		}
		return false
	})
	if err != nil {
		return err
	}
	pool := app.AccountKeeper.GetModuleAddress(stakingtypes.BondedPoolName)
	bondDenom, err := app.StakingKeeper.BondDenom(ctx)
	if err != nil {
		return err
	}
	have := app.BankKeeper.GetBalance(ctx, pool, bondDenom).Amount
	if !have.Equal(bonded) {
		return fmt.Errorf("bonded pool holds %s%s but bonded validators hold %s%s", have, bondDenom, bonded, bondDenom)
	}
	return nil
}
