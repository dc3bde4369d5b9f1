package app

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// AppName is the name baseapp reports.
	AppName = "agora"

	// Bech32Prefix is the account address prefix (agora1...).
	Bech32Prefix = "agora"

	// CoinType is the BIP-44 coin type used to derive keys (the Cosmos Hub's).
	CoinType = 118

	// BondDenom is the base denom of AGR, the staking and governance token.
	BondDenom = "uagr"
)

var (
	Bech32PrefixValAddr  = Bech32Prefix + sdk.PrefixValidator + sdk.PrefixOperator
	Bech32PrefixValPub   = Bech32Prefix + sdk.PrefixValidator + sdk.PrefixOperator + sdk.PrefixPublic
	Bech32PrefixConsAddr = Bech32Prefix + sdk.PrefixValidator + sdk.PrefixConsensus
	Bech32PrefixConsPub  = Bech32Prefix + sdk.PrefixValidator + sdk.PrefixConsensus + sdk.PrefixPublic
	Bech32PrefixAccPub   = Bech32Prefix + sdk.PrefixPublic
)

// SetSDKConfig fixes the address prefixes and coin type in the SDK's global
// config. It must run before any address is encoded; calling it twice is safe.
func SetSDKConfig() {
	cfg := sdk.GetConfig()
	if cfg.GetBech32AccountAddrPrefix() == Bech32Prefix {
		return
	}
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32PrefixAccPub)
	cfg.SetBech32PrefixForValidator(Bech32PrefixValAddr, Bech32PrefixValPub)
	cfg.SetBech32PrefixForConsensusNode(Bech32PrefixConsAddr, Bech32PrefixConsPub)
	cfg.SetCoinType(CoinType)
	cfg.Seal()
}

func init() {
	SetSDKConfig()
	sdk.DefaultBondDenom = BondDenom
}
