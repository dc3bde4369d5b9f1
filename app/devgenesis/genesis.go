package devgenesis

import (
	"fmt"
	"sort"
	"time"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/agora-labs/agora/app"
)

// Apply turns a default genesis into a development network's: every account
// in accounts (key name → address) exists and holds AccountFunds, the
// governance deposit and voting periods are votingPeriod (expedited: half),
// and every seed in Seeds has run.
func Apply(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress, votingPeriod time.Duration) error {
	if err := fundAccounts(cdc, gen, accounts); err != nil {
		return err
	}
	if err := shortenGovernance(cdc, gen, votingPeriod); err != nil {
		return err
	}
	for _, seed := range Seeds {
		if err := seed(cdc, gen, accounts); err != nil {
			return fmt.Errorf("genesis seed: %w", err)
		}
	}
	return nil
}

// fundAccounts creates each account and gives it AccountFunds.
func fundAccounts(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error {
	var genAccounts []authtypes.GenesisAccount
	var balances []banktypes.Balance
	supply := sdk.NewCoins()
	for _, name := range sortedNames(accounts) {
		addr := accounts[name]
		genAccounts = append(genAccounts, authtypes.NewBaseAccount(addr, nil, 0, 0))
		balances = append(balances, banktypes.Balance{Address: addr.String(), Coins: AccountFunds()})
		supply = supply.Add(AccountFunds()...)
	}
	authGen := authtypes.DefaultGenesisState()
	if err := cdc.UnmarshalJSON(gen[authtypes.ModuleName], authGen); err != nil {
		return err
	}
	packed, err := authtypes.PackAccounts(genAccounts)
	if err != nil {
		return err
	}
	authGen.Accounts = packed
	gen[authtypes.ModuleName] = cdc.MustMarshalJSON(authGen)

	var bankGen banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bankGen); err != nil {
		return err
	}
	bankGen.Balances = banktypes.SanitizeGenesisBalances(balances)
	bankGen.Supply = supply
	gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)
	return nil
}

// shortenGovernance sets gov's deposit and voting periods.
func shortenGovernance(cdc codec.JSONCodec, gen app.GenesisState, voting time.Duration) error {
	var govGen govv1.GenesisState
	if err := cdc.UnmarshalJSON(gen[govtypes.ModuleName], &govGen); err != nil {
		return err
	}
	expedited := voting / 2
	govGen.Params.VotingPeriod = &voting
	govGen.Params.MaxDepositPeriod = &voting
	govGen.Params.ExpeditedVotingPeriod = &expedited
	gen[govtypes.ModuleName] = cdc.MustMarshalJSON(&govGen)
	return nil
}

func sortedNames(m map[string]sdk.AccAddress) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
