package keeper

import (
	"encoding/json"
	"errors"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// scanCursor is a place in the merged order of the index entries (lower
// bound, prefix, key, borrower): the liquidatable query's next_key names
// the first entry its next page examines.
type scanCursor struct {
	LowerBound sdkmath.LegacyDec `json:"lb"`
	Prefix     string            `json:"prefix"`
	Key        uint64            `json:"key"`
	Borrower   sdk.AccAddress    `json:"borrower"`
}

func cursorAt(e entry) scanCursor {
	return scanCursor{LowerBound: e.lb, Prefix: e.key.K1(), Key: e.key.K2(), Borrower: e.key.K3()}
}

func (c scanCursor) encode() ([]byte, error) { return json.Marshal(c) }

func decodeCursor(b []byte) (*scanCursor, error) {
	var c scanCursor
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, err
	}
	if c.LowerBound.IsNil() || c.LowerBound.IsNegative() || len(c.Borrower) == 0 {
		return nil, errors.New("not a cursor of this query")
	}
	return &c, nil
}

// startAt returns the range of the source's entries at or after the
// cursor in the merged order, or false when none is within its threshold.
// The order is (lower bound, prefix, key, borrower) and, in one prefix,
// the lower bound never falls as the key rises; so the cursor's own
// prefix resumes at the cursor's entry, a prefix ordered before it at the
// first key whose lower bound exceeds the cursor's, one ordered after it
// at the first key whose lower bound reaches it (a binary search over the
// keys, no store read).
func (s *scanSource) startAt(c *scanCursor) (collections.Ranger[RiskKey], bool) {
	if c == nil {
		return fromKey{prefix: s.prefix}, true
	}
	if s.prefix == c.Prefix {
		if c.Key > s.limit {
			return nil, false
		}
		return fromKey{prefix: s.prefix, key: c.Key, borrower: c.Borrower}, true
	}
	after := func(key uint64) bool {
		lb := LowerBound(key, s.rc, s.rd, s.ok)
		if s.prefix < c.Prefix {
			return lb.GT(c.LowerBound)
		}
		return lb.GTE(c.LowerBound)
	}
	if !after(s.limit) {
		return nil, false
	}
	lo, hi := uint64(0), s.limit // after(hi) holds: find the first such key
	for lo < hi {
		mid := lo + (hi-lo)/2
		if after(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return fromKey{prefix: s.prefix, key: lo}, true
}

// fromKey ranges over one prefix of the index from a key (and, when
// borrower is set, from that borrower within the key), ascending.
type fromKey struct {
	prefix   string
	key      uint64
	borrower sdk.AccAddress
}

func (r fromKey) RangeValues() (start, end *collections.RangeKey[RiskKey], order collections.Order, err error) {
	from := collections.TripleSuperPrefix[string, uint64, sdk.AccAddress](r.prefix, r.key)
	if len(r.borrower) > 0 {
		from = collections.Join3(r.prefix, r.key, r.borrower)
	}
	end = collections.RangeKeyPrefixEnd(collections.TriplePrefix[string, uint64, sdk.AccAddress](r.prefix))
	return collections.RangeKeyExact(from), end, collections.OrderAscending, nil
}

// firstOfBorrower reports whether e is the first, in the merge order, of
// its borrower's entries that the merge visits (its other entries carry
// the same key under the prefixes of its record; those of a prefix the
// merge does not open or above its threshold are not visited). The
// liquidatable query lists a borrower only at that entry, so that pages
// read at one height list each borrower once.
func firstOfBorrower(e entry, rec RiskRecord, byPrefix map[string]*scanSource) bool {
	for _, p := range rec.Prefixes {
		s, ok := byPrefix[p]
		if !ok || p == e.key.K1() || rec.Key > s.limit {
			continue
		}
		other := entry{lb: LowerBound(rec.Key, s.rc, s.rd, s.ok), key: collections.Join3(p, rec.Key, e.key.K3())}
		if entryBefore(other, e) {
			return false
		}
	}
	return true
}
