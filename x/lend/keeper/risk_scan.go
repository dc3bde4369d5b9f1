package keeper

import (
	"bytes"
	"container/heap"
	"context"
	"math"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/lend/types"
)

// marketView is one market as EndBlock sees it: its reference point and
// its state now (priceErr set when a price is unavailable: the market's
// positions cannot be valued this block).
type marketView struct {
	denom    string
	ref      MarketRef
	now      NowPoint
	priceErr error
}

// riskView loads every market in denom order.
func (k Keeper) riskView(ctx sdk.Context) ([]marketView, error) {
	var out []marketView
	err := k.Markets.Walk(ctx, nil, func(denom string, m types.Market) (bool, error) {
		ref, err := k.Risk.ref(ctx, denom)
		if err != nil {
			return true, err
		}
		s, err := k.MarketStates.Get(ctx, denom)
		if err != nil {
			return true, err
		}
		v := marketView{denom: denom, ref: ref}
		acc, err := types.Accrue(m, s, ctx.BlockTime())
		if err != nil { // the market cannot be valued: its positions neither
			v.priceErr = err
			out = append(out, v)
			return false, nil
		}
		total, err := acc.State.Total()
		if err != nil {
			v.priceErr = err
			out = append(out, v)
			return false, nil
		}
		v.now = NowPoint{
			ExchangeRate: types.ExchangeRate(acc.State.ReceiptSupply, total), BorrowIndex: acc.State.BorrowIndex,
			LiquidationThreshold: m.LiquidationThreshold,
		}
		if v.now.CollateralPrice, err = k.collateralPrice(ctx, m); err == nil {
			v.now.DebtPrice, err = k.debtPrice(ctx, m)
		}
		v.priceErr = err
		out = append(out, v)
		return false, nil
	})
	return out, err
}

// startRebases moves the reference point of every priced market that
// drifted too far from it (or has none) and is not already being rebased;
// its entries under the old version are re-keyed by rebaseStep.
func (k Keeper) startRebases(ctx sdk.Context, view []marketView) error {
	for i := range view {
		v := &view[i]
		if v.priceErr != nil || v.ref.Previous != nil || !NeedsRebase(v.now, v.ref.Current) {
			continue
		}
		prev := v.ref.Current
		v.ref = MarketRef{Previous: &prev, Current: RefPoint{
			Version: prev.Version + 1, CollateralPrice: v.now.CollateralPrice, DebtPrice: v.now.DebtPrice,
			ExchangeRate: v.now.ExchangeRate, BorrowIndex: v.now.BorrowIndex, LiquidationThreshold: v.now.LiquidationThreshold,
		}}
		if prev.Version == 0 { // nothing to keep: version 0 carries no point
			v.ref.Previous = &RefPoint{}
		}
		if err := k.Risk.Refs.Set(ctx, v.denom, v.ref); err != nil {
			return err
		}
		ctx.Logger().Info("risk index rebase started", "module", types.ModuleName, "denom", v.denom, "version", v.ref.Current.Version)
	}
	return nil
}

// scanSource is one index prefix with its examination threshold.
type scanSource struct {
	prefix string
	limit  uint64 // examine keys ≤ limit
	rc, rd sdkmath.LegacyDec
	ok     bool // the ratios bound the entries (else lower bound 0)
	iter   collections.KeySetIterator[RiskKey]
	open   bool
}

// sources lists the prefixes EndBlock may examine: every market's bad-debt
// prefix, and every (collateral, debt, versions) pair of priced markets
// with its threshold. Markets without a price are returned apart.
func sources(view []marketView) (out []*scanSource, unpriced []marketView) {
	for _, d := range view {
		out = append(out, &scanSource{prefix: badDebtPrefix(d.denom), limit: math.MaxUint64})
	}
	for _, c := range view {
		if c.priceErr != nil {
			unpriced = append(unpriced, c)
			continue
		}
		for _, d := range view {
			if d.priceErr != nil {
				continue
			}
			for _, vc := range c.ref.versions() {
				for _, vd := range d.ref.versions() {
					s := &scanSource{prefix: pairPrefix(c.denom, d.denom, vc, vd), limit: math.MaxUint64}
					cr, okc := c.ref.at(vc)
					dr, okd := d.ref.at(vd)
					if okc && okd {
						s.rc = CollateralRatio(c.now, cr)
						s.rd, s.ok = DebtRatio(d.now, dr)
						s.ok = s.ok && s.rc.IsPositive()
						s.limit = ThresholdKey(s.rc, s.rd, s.ok)
					}
					out = append(out, s)
				}
			}
		}
	}
	return out, unpriced
}

// prefixesOf lists the pair prefixes involving a market (any version of
// the other side; the market itself at versions vs).
func prefixesOf(view []marketView, denom string, vs []uint64) []string {
	var out []string
	for _, o := range view {
		for _, v := range vs {
			for _, w := range o.ref.versions() {
				if o.denom == denom {
					if w == v {
						out = append(out, pairPrefix(denom, denom, v, v))
					}
					continue
				}
				out = append(out, pairPrefix(denom, o.denom, v, w), pairPrefix(o.denom, denom, w, v))
			}
		}
	}
	return out
}

// ScanAtRisk returns, lowest lower bound first, the distinct borrowers of
// at most budget index entries that may hide a position below HF 1 at the
// current state (it reads the markets as EndBlock does, without starting
// rebases), deferred positions included: the index's own guarantee.
// Exposed for tests and benchmarks: EndBlock uses scanAtRisk, which passes
// over deferred positions.
func (k Keeper) ScanAtRisk(ctx context.Context, budget int) ([]sdk.AccAddress, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	view, err := k.riskView(sdkCtx)
	if err != nil {
		return nil, err
	}
	return k.scan(sdkCtx, view, budget, false)
}

// scanAtRisk is EndBlock's scan: deferred positions are passed over.
func (k Keeper) scanAtRisk(ctx sdk.Context, view []marketView, budget int) ([]sdk.AccAddress, error) {
	return k.scan(ctx, view, budget, true)
}

// scan merges the prefixes' entries below their thresholds by lower bound
// (a k-way merge over one iterator per prefix) and stops after budget
// entries. With skipDeferred, the entries of a deferred position (a
// protocol liquidation that failed, keeper/deferral.go) are passed over
// without being charged to the budget, at most DeferredSkipsPerBlock of
// them; past that the scan stops. Markets without a price are not
// examined: one EventProtocolLiquidationSkipped per such market with
// entries says why.
func (k Keeper) scan(ctx sdk.Context, view []marketView, budget int, skipDeferred bool) ([]sdk.AccAddress, error) {
	srcs, unpriced := sources(view)
	for _, u := range unpriced {
		has, err := k.hasEntries(ctx, prefixesOf(view, u.denom, u.ref.versions()))
		if err != nil {
			return nil, err
		}
		if has {
			k.skipped(ctx, nil, errorsmod.Wrapf(u.priceErr, "positions holding %s are not examined this block", u.denom))
		}
	}
	h, closeAll, err := k.openMerge(ctx, srcs, nil)
	defer closeAll()
	if err != nil {
		return nil, err
	}
	var out []sdk.AccAddress
	seen := map[string]bool{}
	deferred := map[string]bool{}
	height := ctx.BlockHeight()
	for n, skips := 0, 0; n < budget && h.Len() > 0; {
		e, err := h.popNext(srcs)
		if err != nil {
			return nil, err
		}
		a := e.key.K3()
		isDeferred, known := deferred[string(a)]
		if !known && skipDeferred {
			if isDeferred, err = k.deferred(ctx, a, height); err != nil {
				return nil, err
			}
			deferred[string(a)] = isDeferred
		}
		if isDeferred { // passed over free of charge, a bounded number of times
			if skips++; skips >= DeferredSkipsPerBlock {
				break
			}
			continue
		}
		n++
		if !seen[string(a)] {
			seen[string(a)] = true
			out = append(out, a)
		}
	}
	return out, nil
}

// openMerge opens one iterator per source, each from the first of its
// entries at or after the cursor (nil: from the start), and pushes every
// source's first entry within its threshold. closeAll closes the
// iterators (call it even on error).
func (k Keeper) openMerge(ctx context.Context, srcs []*scanSource, from *scanCursor) (*entryHeap, func(), error) {
	h := &entryHeap{}
	closeAll := func() {
		for _, s := range srcs {
			if s.open {
				_ = s.iter.Close()
				s.open = false
			}
		}
	}
	for i, s := range srcs {
		rng, ok := s.startAt(from)
		if !ok {
			continue
		}
		it, err := k.Risk.Entries.Iterate(ctx, rng)
		if err != nil {
			return h, closeAll, err
		}
		s.iter, s.open = it, true
		if err := h.pushNext(srcs, i); err != nil {
			return h, closeAll, err
		}
	}
	return h, closeAll, nil
}

// hasEntries reports whether any of the prefixes holds an entry.
func (k Keeper) hasEntries(ctx context.Context, prefixes []string) (bool, error) {
	for _, p := range prefixes {
		found := false
		err := k.Risk.Entries.Walk(ctx, collections.NewPrefixedTripleRange[string, uint64, sdk.AccAddress](p),
			func(RiskKey) (bool, error) {
				found = true
				return true, nil
			})
		if err != nil || found {
			return found, err
		}
	}
	return false, nil
}

// entry is one index entry in the merge.
type entry struct {
	lb  sdkmath.LegacyDec
	key RiskKey
	src int
}

type entryHeap []entry

func (h entryHeap) Len() int           { return len(h) }
func (h entryHeap) Less(i, j int) bool { return entryBefore(h[i], h[j]) }

// entryBefore is the merge order: lower bound, then prefix, key, borrower.
func entryBefore(a, b entry) bool {
	if !a.lb.Equal(b.lb) {
		return a.lb.LT(b.lb)
	}
	if a.key.K1() != b.key.K1() {
		return a.key.K1() < b.key.K1()
	}
	if a.key.K2() != b.key.K2() { // same prefix: the iterator's order
		return a.key.K2() < b.key.K2()
	}
	return bytes.Compare(a.key.K3(), b.key.K3()) < 0
}
func (h entryHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *entryHeap) Push(x any)   { *h = append(*h, x.(entry)) }
func (h *entryHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	*h = old[:len(old)-1]
	return e
}

// popNext pops the lowest entry and pushes the next one of its source.
func (h *entryHeap) popNext(srcs []*scanSource) (entry, error) {
	e := heap.Pop(h).(entry)
	srcs[e.src].iter.Next()
	return e, h.pushNext(srcs, e.src)
}

// pushNext pushes source i's current entry if it is within the threshold.
func (h *entryHeap) pushNext(srcs []*scanSource, i int) error {
	s := srcs[i]
	if !s.open || !s.iter.Valid() {
		return nil
	}
	key, err := s.iter.Key()
	if err != nil {
		return err
	}
	if key.K2() > s.limit {
		return nil
	}
	heap.Push(h, entry{lb: LowerBound(key.K2(), s.rc, s.rd, s.ok), key: key, src: i})
	return nil
}

// rebaseStep re-keys, up to budget borrowers in all, the entries still
// under the previous reference version of the markets being rebased
// (lowest key first); a market whose old entries are all gone ends its
// rebase (its previous point is dropped).
func (k Keeper) rebaseStep(ctx sdk.Context, view []marketView, budget int) error {
	left := budget
	for i := range view {
		v := &view[i]
		if v.ref.Previous == nil || left <= 0 {
			continue
		}
		var batch []sdk.AccAddress
		seen := map[string]bool{}
		for _, p := range prefixesOf(view, v.denom, []uint64{v.ref.Previous.Version}) {
			if len(batch) >= left {
				break
			}
			err := k.Risk.Entries.Walk(ctx, collections.NewPrefixedTripleRange[string, uint64, sdk.AccAddress](p),
				func(key RiskKey) (bool, error) {
					if a := key.K3(); !seen[string(a)] {
						seen[string(a)] = true
						batch = append(batch, a)
					}
					return len(batch) >= left, nil
				})
			if err != nil {
				return err
			}
		}
		complete := len(batch) < left
		for _, b := range batch {
			if err := k.isolated(ctx, func(ctx sdk.Context) error { return k.Reindex(ctx, b) }); err != nil {
				k.skipped(ctx, b, err)
				complete = false
			}
		}
		left -= len(batch)
		if complete {
			v.ref.Previous = nil
			if err := k.Risk.Refs.Set(ctx, v.denom, v.ref); err != nil {
				return err
			}
			ctx.Logger().Info("risk index rebase done", "module", types.ModuleName, "denom", v.denom, "version", v.ref.Current.Version)
		}
	}
	return nil
}
