package types

import (
	"bytes"
	"math/big"
	"slices"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// MaxPrice is the largest price a vote may carry (10^24 quote units per
// base unit). It keeps every later product of a price and an amount far
// from LegacyDec's limits.
var MaxPrice = sdkmath.LegacyNewDecFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(24), nil))

// ValidPrice reports whether p may appear in a vote: set, positive and at
// most MaxPrice.
func ValidPrice(p sdkmath.LegacyDec) bool {
	return !p.IsNil() && p.IsPositive() && p.LTE(MaxPrice)
}

// NewVoteExtension builds the vote extension for a set of prices keyed by
// pair name: only listed pairs with a valid price, sorted by pair name.
func NewVoteExtension(prices map[string]sdkmath.LegacyDec, params Params) OracleVoteExtension {
	var ve OracleVoteExtension
	for _, pair := range params.Pairs {
		p, ok := prices[pair.Name]
		if !ok || !ValidPrice(p) {
			continue
		}
		ve.Prices = append(ve.Prices, PriceVote{Pair: pair.Name, Price: p})
	}
	slices.SortFunc(ve.Prices, func(a, b PriceVote) int { return strings.Compare(a.Pair, b.Pair) })
	return ve
}

// MaxExtensionSize is the encoded size of an extension that carries every
// pair at MaxPrice: max_vote_extension_bytes must be at least this.
func MaxExtensionSize(pairs []Pair) int {
	var ve OracleVoteExtension
	for _, p := range pairs {
		ve.Prices = append(ve.Prices, PriceVote{Pair: p.Name, Price: MaxPrice})
	}
	return ve.Size()
}

// ValidateVoteExtension is VerifyVoteExtension's rule. An extension is
// accepted when it is empty, or when it is at most max_vote_extension_bytes,
// decodes as an OracleVoteExtension whose canonical re-encoding is the same
// bytes (no unknown fields, no odd encodings), lists its pairs in strictly
// ascending order (so each at most once), names only listed pairs and
// carries only valid prices.
func ValidateVoteExtension(bz []byte, params Params) (OracleVoteExtension, error) {
	var ve OracleVoteExtension
	if len(bz) == 0 {
		return ve, nil
	}
	if uint64(len(bz)) > params.MaxVoteExtensionBytes {
		return ve, errorsmod.Wrapf(ErrInvalidVoteExtension, "%d bytes exceeds max_vote_extension_bytes %d", len(bz), params.MaxVoteExtensionBytes)
	}
	if err := ve.Unmarshal(bz); err != nil {
		return OracleVoteExtension{}, errorsmod.Wrapf(ErrInvalidVoteExtension, "decode: %v", err)
	}
	if again, err := ve.Marshal(); err != nil || !bytes.Equal(again, bz) {
		return OracleVoteExtension{}, errorsmod.Wrap(ErrInvalidVoteExtension, "not canonically encoded")
	}
	for i, v := range ve.Prices {
		if _, ok := params.Pair(v.Pair); !ok {
			return OracleVoteExtension{}, errorsmod.Wrapf(ErrInvalidVoteExtension, "pair %q is not listed", v.Pair)
		}
		if i > 0 && ve.Prices[i-1].Pair >= v.Pair {
			return OracleVoteExtension{}, errorsmod.Wrapf(ErrInvalidVoteExtension, "pairs not in strictly ascending order at %q", v.Pair)
		}
		if !ValidPrice(v.Price) {
			return OracleVoteExtension{}, errorsmod.Wrapf(ErrInvalidVoteExtension, "%s: price %v must be positive and at most %s", v.Pair, v.Price, MaxPrice)
		}
	}
	return ve, nil
}

// InjectedVotesPrefix starts the special first transaction of a block that
// carries the oracle votes. Its first byte (0x61, protobuf field 12 with
// wire type fixed64) is not a field of cosmos.tx.v1beta1.TxRaw, so the SDK's
// transaction decoder rejects these bytes: they never pass CheckTx, never
// reach the ante handler, and in FinalizeBlock they are reported as a
// transaction that failed to decode, changing no state.
var InjectedVotesPrefix = []byte("agora/oracle/votes/v1:")

// IsInjectedVotes reports whether a block transaction is the injected votes.
func IsInjectedVotes(tx []byte) bool { return bytes.HasPrefix(tx, InjectedVotesPrefix) }

// EncodeInjectedVotes returns the prefix followed by the encoded votes.
func EncodeInjectedVotes(iv InjectedVotes) ([]byte, error) {
	bz, err := iv.Marshal()
	if err != nil {
		return nil, err
	}
	return append(slices.Clone(InjectedVotesPrefix), bz...), nil
}

// DecodeInjectedVotes decodes a transaction made by EncodeInjectedVotes.
func DecodeInjectedVotes(tx []byte) (InjectedVotes, error) {
	var iv InjectedVotes
	if !IsInjectedVotes(tx) {
		return iv, errorsmod.Wrap(ErrInvalidInjectedVotes, "missing prefix")
	}
	if err := iv.Unmarshal(tx[len(InjectedVotesPrefix):]); err != nil {
		return InjectedVotes{}, errorsmod.Wrapf(ErrInvalidInjectedVotes, "decode: %v", err)
	}
	return iv, nil
}
