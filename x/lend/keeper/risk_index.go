package keeper

import (
	"context"
	"encoding/json"
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// RiskKey is one entry of the index: (prefix, health key, borrower). The
// prefix names the collateral and debt markets of the pair and the
// reference versions the key was computed at ("c|d|vc|vd"), or "|d" for a
// position that owes d and holds no collateral (bad debt, key 0).
type RiskKey = collections.Triple[string, uint64, sdk.AccAddress]

// RiskRecord is what the index holds for one borrower: its key and the
// prefixes it is entered under (to remove them when it is re-keyed).
type RiskRecord struct {
	Key      uint64   `json:"key"`
	Prefixes []string `json:"prefixes"`
}

// MarketRef is a market's reference point, and while the index re-keys
// the market's positions to a new one (a rebase), the previous one.
type MarketRef struct {
	Current  RefPoint  `json:"current"`
	Previous *RefPoint `json:"previous,omitempty"`
}

// at returns the market's reference point of a version.
func (r MarketRef) at(version uint64) (RefPoint, bool) {
	if r.Current.Version == version {
		return r.Current, true
	}
	if r.Previous != nil && r.Previous.Version == version {
		return *r.Previous, true
	}
	return RefPoint{}, false
}

// versions lists the reference versions entries of the market may carry.
func (r MarketRef) versions() []uint64 {
	if r.Previous != nil {
		return []uint64{r.Current.Version, r.Previous.Version}
	}
	return []uint64{r.Current.Version}
}

// RiskIndex is the index of positions at risk (README, "Index of positions
// at risk"): entries ordered by health key within each (collateral, debt,
// versions) prefix, a record per borrower with debt, and each market's
// reference point.
type RiskIndex struct {
	Entries collections.KeySet[RiskKey]
	Records collections.Map[sdk.AccAddress, RiskRecord]
	Refs    collections.Map[string, MarketRef]
	// Deferrals holds the positions whose protocol liquidation failed for
	// a reason other than a price, with the height from which EndBlock
	// examines them again (keeper/deferral.go).
	Deferrals collections.Map[sdk.AccAddress, Deferral]
}

func newRiskIndex(sb *collections.SchemaBuilder) RiskIndex {
	return RiskIndex{
		Entries: collections.NewKeySet(sb, types.RiskIndexKey, "risk_index",
			collections.TripleKeyCodec(collections.StringKey, collections.Uint64Key, sdk.AccAddressKey)),
		Records: collections.NewMap(sb, types.RiskRecordsKey, "risk_records", sdk.AccAddressKey, jsonValue[RiskRecord]{"RiskRecord"}),
		Refs:    collections.NewMap(sb, types.RiskRefsKey, "risk_refs", collections.StringKey, jsonValue[MarketRef]{"MarketRef"}),
		Deferrals: collections.NewMap(sb, types.RiskDeferralsKey, "risk_deferrals", sdk.AccAddressKey,
			jsonValue[Deferral]{"Deferral"}),
	}
}

func pairPrefix(coll, debt string, vc, vd uint64) string {
	return fmt.Sprintf("%s|%s|%d|%d", coll, debt, vc, vd)
}

func badDebtPrefix(debt string) string { return "|" + debt }

// PositionMap is a position map (Collateral, ScaledDebt) whose every
// write re-keys the borrower in the index: no handler can change a
// position without the index following.
type PositionMap struct {
	collections.Map[PositionKey, sdkmath.Int]
	onWrite func(ctx context.Context, addr sdk.AccAddress) error
}

// Set writes the entry and re-keys the borrower.
func (m PositionMap) Set(ctx context.Context, key PositionKey, v sdkmath.Int) error {
	if err := m.Map.Set(ctx, key, v); err != nil {
		return err
	}
	if m.onWrite == nil {
		return nil
	}
	return m.onWrite(ctx, key.K1())
}

// Remove deletes the entry and re-keys the borrower.
func (m PositionMap) Remove(ctx context.Context, key PositionKey) error {
	if err := m.Map.Remove(ctx, key); err != nil {
		return err
	}
	if m.onWrite == nil {
		return nil
	}
	return m.onWrite(ctx, key.K1())
}

// ref returns a market's reference point (version 0 when it has none).
func (ri RiskIndex) ref(ctx context.Context, denom string) (MarketRef, error) {
	r, err := ri.Refs.Get(ctx, denom)
	if isNotFound(err) {
		return MarketRef{}, nil
	}
	return r, err
}

// Reindex re-keys a borrower: removes its entries and, when it owes
// anything, enters it again at its reference health under the current
// reference versions. Called on every write to its position.
func (k Keeper) Reindex(ctx context.Context, addr sdk.AccAddress) error {
	ri := k.Risk
	rec, err := ri.Records.Get(ctx, addr)
	switch {
	case err == nil:
		for _, p := range rec.Prefixes {
			if err := ri.Entries.Remove(ctx, collections.Join3(p, rec.Key, addr)); err != nil {
				return err
			}
		}
	case !isNotFound(err):
		return err
	}
	if managed, err := k.Managed.Has(ctx, addr); err != nil {
		return err
	} else if managed { // its manager watches it (managed.go): never indexed
		if err := k.clearDeferral(ctx, addr); err != nil {
			return err
		}
		return ri.Records.Remove(ctx, addr)
	}
	rng := collections.NewPrefixedPairRange[sdk.AccAddress, string](addr)
	refs := map[string]MarketRef{}
	refOf := func(denom string) (RefPoint, error) {
		r, ok := refs[denom]
		if !ok {
			var err error
			if r, err = ri.ref(ctx, denom); err != nil {
				return RefPoint{}, err
			}
			refs[denom] = r
		}
		return r.Current, nil
	}
	var colls []heldCollateral
	var collDenoms, debtDenoms []string
	if err := k.Collateral.Walk(ctx, rng, func(key PositionKey, v sdkmath.Int) (bool, error) {
		r, err := refOf(key.K2())
		colls, collDenoms = append(colls, heldCollateral{Receipts: v, Ref: r}), append(collDenoms, key.K2())
		return false, err
	}); err != nil {
		return err
	}
	var debts []heldDebt
	if err := k.ScaledDebt.Walk(ctx, rng, func(key PositionKey, v sdkmath.Int) (bool, error) {
		r, err := refOf(key.K2())
		debts, debtDenoms = append(debts, heldDebt{Scaled: v, Ref: r}), append(debtDenoms, key.K2())
		return false, err
	}); err != nil {
		return err
	}
	if len(debts) == 0 { // nothing owed: nothing to index, nothing to retry
		if err := k.clearDeferral(ctx, addr); err != nil {
			return err
		}
		return ri.Records.Remove(ctx, addr)
	}
	rec = RiskRecord{}
	if len(colls) == 0 {
		for _, d := range debtDenoms {
			rec.Prefixes = append(rec.Prefixes, badDebtPrefix(d))
		}
	} else {
		h, _ := ReferenceHealth(colls, debts) // an overflow keys it 0: examined first
		rec.Key = HealthKey(h)
		for i, c := range collDenoms {
			for j, d := range debtDenoms {
				rec.Prefixes = append(rec.Prefixes, pairPrefix(c, d, colls[i].Ref.Version, debts[j].Ref.Version))
			}
		}
	}
	for _, p := range rec.Prefixes {
		if err := ri.Entries.Set(ctx, collections.Join3(p, rec.Key, addr)); err != nil {
			return err
		}
	}
	return ri.Records.Set(ctx, addr, rec)
}

// jsonValue stores keeper-internal index values as JSON (deterministic:
// fixed struct fields, decimals as strings).
type jsonValue[T any] struct{ name string }

func (jsonValue[T]) Encode(v T) ([]byte, error) { return json.Marshal(v) }

func (jsonValue[T]) Decode(b []byte) (T, error) {
	var v T
	err := json.Unmarshal(b, &v)
	return v, err
}

func (c jsonValue[T]) EncodeJSON(v T) ([]byte, error) { return c.Encode(v) }
func (c jsonValue[T]) DecodeJSON(b []byte) (T, error) { return c.Decode(b) }
func (c jsonValue[T]) ValueType() string              { return "agora.lend.keeper." + c.name }
func (c jsonValue[T]) Stringify(v T) string {
	b, err := c.Encode(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}
