package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/agora-labs/agora/x/lend/types"
)

// registerReceiptMetadata gives a market's receipt token lend/{denom} its
// bank metadata (types.ReceiptMetadata) unless it has some: wallets then
// show receipts at their underlying's scale, and the app's bank keeper
// makes the receipt an ERC-20 in the same transaction. Called when a market
// is listed and at genesis (an imported chain's receipts already carry
// their metadata and are left as they are).
func (k Keeper) registerReceiptMetadata(ctx context.Context, m types.Market) error {
	receipt := types.ReceiptDenom(m.Denom)
	if _, ok := k.bank.GetDenomMetaData(ctx, receipt); ok {
		return nil
	}
	var symbol string
	if md, ok := k.bank.GetDenomMetaData(ctx, m.Denom); ok {
		symbol = md.Symbol
	}
	md := types.ReceiptMetadata(m, symbol)
	if err := md.Validate(); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidMarket, "receipt metadata of %s: %v", receipt, err)
	}
	k.bank.SetDenomMetaData(ctx, md)
	return nil
}
