package types

import (
	"encoding/binary"
	"fmt"
	"math/big"
	"strings"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Limit orders (x/dex/README.md, "Limit orders").

var (
	// MaxLimitPrice is the largest limit price accepted (10^18 of denom_out
	// per unit of token_in).
	MaxLimitPrice = sdkmath.LegacyNewDec(1_000_000_000_000_000_000)
	// MaxLimitPriceDeviation: a limit price is refused as absurd when it is
	// more than this factor above or below the pool's spot price of
	// token_in in denom_out.
	MaxLimitPriceDeviation = sdkmath.LegacyNewDec(1_000_000)
)

// priceKeyBytes is the width of a limit price in a book key: the price's
// 18-decimal integer (at most 10^36 < 2^120) big-endian in 16 bytes.
const priceKeyBytes = 16

// BookSide names one direction of a pair's book: orders selling denomIn
// for denomOut ("denom_in|denom_out"; '|' never occurs in a denom).
func BookSide(denomIn, denomOut string) string { return denomIn + "|" + denomOut }

// SplitBookSide is the inverse of BookSide.
func SplitBookSide(s string) (denomIn, denomOut string, ok bool) {
	return strings.Cut(s, "|")
}

// BookKey is an order's position in its book side: its limit price then
// its id, so that the book is walked best price (lowest limit) first and,
// at one price, oldest first.
func BookKey(limit sdkmath.LegacyDec, id uint64) ([]byte, error) {
	b := limit.BigInt()
	if b.Sign() <= 0 || b.BitLen() > 8*priceKeyBytes {
		return nil, errorsmod.Wrapf(ErrInvalidLimitPrice, "limit price %s out of range", limit)
	}
	key := make([]byte, priceKeyBytes+8)
	b.FillBytes(key[:priceKeyBytes])
	binary.BigEndian.PutUint64(key[priceKeyBytes:], id)
	return key, nil
}

// BookKeyPrice decodes the limit price and id of a BookKey.
func BookKeyPrice(key []byte) (sdkmath.LegacyDec, uint64, error) {
	if len(key) != priceKeyBytes+8 {
		return sdkmath.LegacyDec{}, 0, fmt.Errorf("book key of %d bytes", len(key))
	}
	price := sdkmath.LegacyNewDecFromBigIntWithPrec(new(big.Int).SetBytes(key[:priceKeyBytes]), sdkmath.LegacyPrecision)
	return price, binary.BigEndian.Uint64(key[priceKeyBytes:]), nil
}

// CheckLimitPrice refuses a limit price that is not positive, above
// MaxLimitPrice, or more than MaxLimitPriceDeviation away from spot (the
// pool's marginal price of token_in in denom_out, if positive).
func CheckLimitPrice(limit, spot sdkmath.LegacyDec) error {
	if limit.IsNil() || !limit.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidLimitPrice, "limit_price must be positive, got %v", limit)
	}
	if limit.GT(MaxLimitPrice) {
		return errorsmod.Wrapf(ErrInvalidLimitPrice, "limit_price %s is above the maximum %s", limit, MaxLimitPrice)
	}
	if spot.IsNil() || !spot.IsPositive() {
		return nil
	}
	if limit.GT(spot.Mul(MaxLimitPriceDeviation)) || limit.Mul(MaxLimitPriceDeviation).LT(spot) {
		return errorsmod.Wrapf(ErrInvalidLimitPrice,
			"limit_price %s is more than %s times away from the pool's price %s: check the units (denom_out per unit of token_in)",
			limit, MaxLimitPriceDeviation, spot)
	}
	return nil
}

// CheckExpiry refuses an expiry already reached: an expiry height at or
// below the current height, an expiry time at or before the block time.
func CheckExpiry(height int64, t time.Time, now int64, nowTime time.Time) error {
	if height < 0 {
		return errorsmod.Wrapf(ErrInvalidExpiry, "expiry_height must not be negative, got %d", height)
	}
	if height != 0 && height <= now {
		return errorsmod.Wrapf(ErrInvalidExpiry, "expiry_height %d is not after the current height %d", height, now)
	}
	if !t.IsZero() && !t.After(nowTime) {
		return errorsmod.Wrapf(ErrInvalidExpiry, "expiry_time %s is not after the block time %s",
			t.UTC().Format(time.RFC3339), nowTime.UTC().Format(time.RFC3339))
	}
	return nil
}

// HasExpiryTime says whether the order expires at a time.
func (o LimitOrder) HasExpiryTime() bool { return !o.ExpiryTime.IsZero() }

// IsOpen says whether the order rests on the book.
func (o LimitOrder) IsOpen() bool { return o.Status == LIMIT_ORDER_STATUS_OPEN }

// RemainingCoin is the escrowed remainder as a coin.
func (o LimitOrder) RemainingCoin() sdk.Coin {
	return sdk.Coin{Denom: o.TokenIn.Denom, Amount: o.Remaining}
}

func (m *MsgPlaceLimitOrder) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.PoolId == 0 {
		return errorsmod.Wrap(ErrPoolNotFound, "pool id must be positive")
	}
	if err := validateCoin("token_in", m.TokenIn); err != nil {
		return err
	}
	if err := sdk.ValidateDenom(m.DenomOut); err != nil {
		return errorsmod.Wrapf(ErrInvalidDenom, "denom_out: %v", err)
	}
	if m.DenomOut == m.TokenIn.Denom {
		return errorsmod.Wrapf(ErrSameDenom, "token_in and denom_out are both %s", m.DenomOut)
	}
	if err := CheckLimitPrice(m.LimitPrice, sdkmath.LegacyDec{}); err != nil {
		return err
	}
	if m.ExpiryHeight < 0 {
		return errorsmod.Wrapf(ErrInvalidExpiry, "expiry_height must not be negative, got %d", m.ExpiryHeight)
	}
	return nil
}

func (m *MsgCancelLimitOrder) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.OrderId == 0 {
		return errorsmod.Wrap(ErrLimitOrderNotFound, "order id must be positive")
	}
	return nil
}
