package app

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	erc20types "github.com/cosmos/evm/x/erc20/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"
	lendtypes "github.com/agora-labs/agora/x/lend/types"
	synthtypes "github.com/agora-labs/agora/x/synth/types"
)

// pairingBank is the bank keeper given to a module that creates denoms
// after genesis (x/dex: a new pool's LP shares; x/lend: a new market's
// receipts; x/synth: a new synth). When the module registers
// a denom's bank metadata, the denom also becomes an ERC-20: a native-coin
// token pair at ERC20Address(denom) with its ERC-20 precompile active,
// exactly as genesis pairs its denoms. A denom already paired (genesis,
// or an earlier registration) is left as is, so re-registering metadata
// and importing an exported genesis are no-ops. One pair per new denom,
// written in the same transaction: the work per block is bounded by the
// transactions that create denoms.
//
// Fail closed: if the pair cannot be registered the call panics, which
// fails the transaction (baseapp turns the panic into an error and drops
// its writes) — no denom is created that the EVM cannot see.
type pairingBank struct {
	dextypes.BankKeeper
	app *AgoraApp // the erc20 keeper is built after the modules that use this
}

var (
	_ dextypes.BankKeeper   = pairingBank{}
	_ lendtypes.BankKeeper  = pairingBank{}
	_ synthtypes.BankKeeper = pairingBank{}
)

// SetDenomMetaData stores the metadata and pairs the denom.
func (b pairingBank) SetDenomMetaData(ctx context.Context, md banktypes.Metadata) {
	b.BankKeeper.SetDenomMetaData(ctx, md)
	if err := b.app.pairNewDenom(sdk.UnwrapSDKContext(ctx), md.Base); err != nil {
		panic(fmt.Errorf("pairing %s as an ERC-20: %w", md.Base, err))
	}
}

// pairNewDenom registers denom as a native-coin token pair unless it has
// one.
func (app *AgoraApp) pairNewDenom(ctx sdk.Context, denom string) error {
	if app.Erc20Keeper.IsDenomRegistered(ctx, denom) {
		return nil
	}
	pair := erc20types.NewTokenPair(ERC20Address(denom), denom, erc20types.OWNER_MODULE)
	if err := pair.Validate(); err != nil {
		return err
	}
	if err := app.Erc20Keeper.SetToken(ctx, pair); err != nil {
		return err
	}
	return app.Erc20Keeper.EnableDynamicPrecompile(ctx, pair.GetERC20Contract())
}
