package types

import (
	"encoding/binary"
	"strings"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/address"
)

const (
	// ModuleName is the module's name, its module account (which holds every
	// position's holdings and every insurance fund) and its store key.
	ModuleName = "margin"
	// StoreKey is the key of the module's KV store.
	StoreKey = ModuleName
)

// Store prefixes (README, State). Never renumber.
var (
	ParamsKey         = collections.NewPrefix(0) // Item[Params]
	PairsKey          = collections.NewPrefix(1) // Map[pair id]MarginPair
	PositionsKey      = collections.NewPrefix(2) // Map[id]Position
	PositionsByOwner  = collections.NewPrefix(3) // KeySet[(owner, id)]
	NextPositionIDKey = collections.NewPrefix(4) // Sequence
	OpenInterestKey   = collections.NewPrefix(5) // Map[pair id]OpenInterest
	InsuranceKey      = collections.NewPrefix(6) // Map[pair id]Int (quote units)
	RiskIndexKey      = collections.NewPrefix(7) // KeySet[(book, key, id)]: liquidation and trigger books
	DeferralsKey      = collections.NewPrefix(8) // Map[id]LiquidationDeferral: failing liquidations backing off
)

// PairID is a pair's id, "{base}/{quote}".
func PairID(base, quote string) string { return base + "/" + quote }

// SplitPairID splits "{base}/{quote}" at its last "/" (base denoms may hold
// slashes, quote denoms of listed lend markets do not).
func SplitPairID(id string) (base, quote string, ok bool) {
	i := strings.LastIndex(id, "/")
	if i <= 0 || i == len(id)-1 {
		return "", "", false
	}
	return id[:i], id[i+1:], true
}

// ID is the pair's id.
func (p MarginPair) ID() string { return PairID(p.BaseDenom, p.QuoteDenom) }

// PositionAccount is the x/lend borrower of position id: derived from the
// module's name and the id (address.Module), so nobody holds its key.
func PositionAccount(id uint64) sdk.AccAddress {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return sdk.AccAddress(address.Module(ModuleName, []byte("position"), b))
}

// DebtDenom is what a position of side in p borrows: the quote for a long,
// the base for a short; HoldDenom what it holds.
func (p MarginPair) DebtDenom(side Side) string {
	if side == SIDE_LONG {
		return p.QuoteDenom
	}
	return p.BaseDenom
}

// HoldDenom is what a position of side holds: the base for a long, the quote for a short.
func (p MarginPair) HoldDenom(side Side) string {
	if side == SIDE_LONG {
		return p.BaseDenom
	}
	return p.QuoteDenom
}

// Word is "long" or "short" (messages to users).
func (s Side) Word() string {
	switch s {
	case SIDE_LONG:
		return "long"
	case SIDE_SHORT:
		return "short"
	}
	return s.String()
}
