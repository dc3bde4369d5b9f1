package app

import (
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// Asset describes a denom Agora knows at genesis: its base denom (6 decimals)
// and its display name.
type Asset struct {
	Base        string
	Display     string
	Symbol      string
	Description string
}

// Assets are the denoms with metadata in every genesis: AGR, AUSD and the
// devnet's stand-ins for bridged assets.
var Assets = []Asset{
	{Base: "uagr", Display: "agr", Symbol: "AGR", Description: "Agora's staking and governance token"},
	{Base: "uausd", Display: "ausd", Symbol: "AUSD", Description: "Agora's collateral-backed US dollar stablecoin"},
	{Base: "ubtc", Display: "btc", Symbol: "BTC", Description: "Bitcoin (devnet stand-in for a bridged asset)"},
	{Base: "ueth", Display: "eth", Symbol: "ETH", Description: "Ether (devnet stand-in for a bridged asset)"},
	{Base: "uusdc", Display: "usdc", Symbol: "USDC", Description: "USD Coin (devnet stand-in for a bridged asset)"},
}

// Metadata returns the bank denom metadata of an asset: base unit at
// exponent 0, display unit at exponent 6.
func (a Asset) Metadata() banktypes.Metadata {
	return banktypes.Metadata{
		Description: a.Description,
		Base:        a.Base,
		Display:     a.Display,
		Name:        a.Symbol,
		Symbol:      a.Symbol,
		DenomUnits: []*banktypes.DenomUnit{
			{Denom: a.Base, Exponent: 0, Aliases: []string{"micro" + a.Display}},
			{Denom: a.Display, Exponent: 6},
		},
	}
}

// ApplyAgoraDefaults replaces the SDK's "stake" with uagr throughout and adds
// the denom metadata of Agora's assets.
func ApplyAgoraDefaults(cdc codec.JSONCodec, gen GenesisState) error {
	var staking stakingtypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[stakingtypes.ModuleName], &staking); err != nil {
		return fmt.Errorf("staking genesis: %w", err)
	}
	staking.Params.BondDenom = BondDenom
	gen[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&staking)

	var mint minttypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[minttypes.ModuleName], &mint); err != nil {
		return fmt.Errorf("mint genesis: %w", err)
	}
	mint.Params.MintDenom = BondDenom
	gen[minttypes.ModuleName] = cdc.MustMarshalJSON(&mint)

	var gov govv1.GenesisState
	if err := cdc.UnmarshalJSON(gen[govtypes.ModuleName], &gov); err != nil {
		return fmt.Errorf("gov genesis: %w", err)
	}
	gov.Params.MinDeposit = sdk.NewCoins(sdk.NewCoin(BondDenom, sdkmath.NewInt(10_000_000)))
	gov.Params.ExpeditedMinDeposit = sdk.NewCoins(sdk.NewCoin(BondDenom, sdkmath.NewInt(50_000_000)))
	gen[govtypes.ModuleName] = cdc.MustMarshalJSON(&gov)

	var bank banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bank); err != nil {
		return fmt.Errorf("bank genesis: %w", err)
	}
	bank.DenomMetadata = bank.DenomMetadata[:0]
	for _, a := range Assets {
		bank.DenomMetadata = append(bank.DenomMetadata, a.Metadata())
	}
	gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)
	return applyEVMDefaults(cdc, gen)
}
