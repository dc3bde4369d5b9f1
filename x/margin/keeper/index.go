package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/x/margin/types"
)

// Books of the index. Liquidation books are keyed by types.LongKey /
// ShortKey (fixed between writes of the position); trigger books by the
// trigger price. Each book is read from its riskiest (or first-to-fire) end.
const (
	bookLong        = "L"   // longs, descending: below maintenance while key > LongThreshold
	bookShort       = "S"   // shorts, ascending: below maintenance while key < ShortThreshold
	bookLongTP      = "TP+" // long take-profits, ascending: fire while key ≤ price
	bookLongSL      = "SL+" // long stop-losses, descending: fire while key ≥ price
	bookShortTP     = "TP-" // short take-profits, descending: fire while key ≥ price
	bookShortSL     = "SL-" // short stop-losses, ascending: fire while key ≤ price
	bookSeparator   = "|"
	triggerTakeProf = "take_profit"
	triggerStopLoss = "stop_loss"
)

func book(pair, kind string) string { return pair + bookSeparator + kind }

// entries are a position's index entries.
func entries(p types.Position) []collections.Triple[string, string, uint64] {
	var out []collections.Triple[string, string, uint64]
	if p.Side == types.SIDE_LONG {
		out = append(out, collections.Join3(book(p.Pair, bookLong), types.EncodeKey(types.LongKey(p.ScaledDebt, p.Holdings.Amount)), p.Id))
		if p.TakeProfit.IsPositive() {
			out = append(out, collections.Join3(book(p.Pair, bookLongTP), types.EncodeKey(p.TakeProfit), p.Id))
		}
		if p.StopLoss.IsPositive() {
			out = append(out, collections.Join3(book(p.Pair, bookLongSL), types.EncodeKey(p.StopLoss), p.Id))
		}
		return out
	}
	out = append(out, collections.Join3(book(p.Pair, bookShort), types.EncodeKey(types.ShortKey(p.Holdings.Amount, p.ScaledDebt)), p.Id))
	if p.TakeProfit.IsPositive() {
		out = append(out, collections.Join3(book(p.Pair, bookShortTP), types.EncodeKey(p.TakeProfit), p.Id))
	}
	if p.StopLoss.IsPositive() {
		out = append(out, collections.Join3(book(p.Pair, bookShortSL), types.EncodeKey(p.StopLoss), p.Id))
	}
	return out
}

func (k Keeper) index(ctx context.Context, p types.Position) error {
	for _, e := range entries(p) {
		if err := k.Index.Set(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

func (k Keeper) unindex(ctx context.Context, p types.Position) error {
	for _, e := range entries(p) {
		if err := k.Index.Remove(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

// scanBook walks a book from its front (descending or ascending) while
// eligible(key) holds, calling fn(id), until limit entries are charged. fn
// says whether its entry is charged (EndBlock passes over a deferred
// position's entries free, a bounded number of times). It returns how many
// entries it charged.
func (k Keeper) scanBook(ctx context.Context, b string, descending bool, limit int,
	eligible func(key sdkmath.LegacyDec) bool, fn func(id uint64) (charged bool, err error),
) (int, error) {
	if limit <= 0 {
		return 0, nil
	}
	var rng collections.Ranger[collections.Triple[string, string, uint64]]
	if descending {
		rng = collections.NewPrefixedTripleRangeReversed[string, string, uint64](b)
	} else {
		rng = collections.NewPrefixedTripleRange[string, string, uint64](b)
	}
	it, err := k.Index.Iterate(ctx, rng)
	if err != nil {
		return 0, err
	}
	defer it.Close()
	n := 0
	for ; it.Valid() && n < limit; it.Next() {
		key, err := it.Key()
		if err != nil {
			return n, err
		}
		d, err := types.DecodeKey(key.K2())
		if err != nil {
			return n, err
		}
		if !eligible(d) {
			break
		}
		charged, err := fn(key.K3())
		if charged {
			n++
		}
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
