package abci_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	abcitypes "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"

	oracleabci "github.com/agora-labs/agora/x/oracle/abci"
	"github.com/agora-labs/agora/x/oracle/types"
)

var allPairs = map[string]string{"AGR/USD": "1", "BTC/USD": "60000", "ETH/USD": "3000", "USDC/USD": "1"}

func TestExtendVote(t *testing.T) {
	f := setup(t, 10)
	src := priceSource{"BTC/USD": dec("60000.5"), "DOGE/USD": dec("0.1")}
	h := oracleabci.NewVoteExtensionHandler(f.k, src)
	resp, err := h.ExtendVoteHandler()(f.ctx, &abcitypes.RequestExtendVote{Height: 10})
	require.NoError(t, err)
	ve, err := types.ValidateVoteExtension(resp.VoteExtension, types.DefaultParams())
	require.NoError(t, err)
	require.Equal(t, []types.PriceVote{{Pair: "BTC/USD", Price: dec("60000.5")}}, ve.Prices)

	// A node without a feeder, or with nothing cached, votes an empty extension.
	for _, src := range []oracleabci.PriceSource{nil, priceSource{}} {
		resp, err = oracleabci.NewVoteExtensionHandler(f.k, src).ExtendVoteHandler()(f.ctx, &abcitypes.RequestExtendVote{Height: 10})
		require.NoError(t, err)
		require.Empty(t, resp.VoteExtension)
	}
}

func TestVerifyVoteExtension(t *testing.T) {
	f := setup(t, 10)
	verify := oracleabci.NewVoteExtensionHandler(f.k, nil).VerifyVoteExtensionHandler()
	check := func(ext []byte) abcitypes.ResponseVerifyVoteExtension_VerifyStatus {
		resp, err := verify(f.ctx, &abcitypes.RequestVerifyVoteExtension{Height: 10, ValidatorAddress: f.vals[0].addr(), VoteExtension: ext})
		require.NoError(t, err)
		return resp.Status
	}
	accept, reject := abcitypes.ResponseVerifyVoteExtension_ACCEPT, abcitypes.ResponseVerifyVoteExtension_REJECT

	require.Equal(t, accept, check(nil))
	require.Equal(t, accept, check(extension(t, allPairs)))

	unknown, _ := (&types.OracleVoteExtension{Prices: []types.PriceVote{{Pair: "DOGE/USD", Price: dec("1")}}}).Marshal()
	negative, _ := (&types.OracleVoteExtension{Prices: []types.PriceVote{{Pair: "BTC/USD", Price: dec("-5")}}}).Marshal()
	oversize := make([]byte, types.DefaultParams().MaxVoteExtensionBytes+1)
	for name, ext := range map[string][]byte{
		"garbage": {0xde, 0xad, 0xbe, 0xef}, "unknown pair": unknown, "negative": negative, "oversize": oversize,
	} {
		require.Equal(t, reject, check(ext), name)
	}
}

// passThrough stands for the SDK's default proposal handlers.
func passThrough() (sdk.PrepareProposalHandler, sdk.ProcessProposalHandler) {
	return func(_ sdk.Context, req *abcitypes.RequestPrepareProposal) (*abcitypes.ResponsePrepareProposal, error) {
			return &abcitypes.ResponsePrepareProposal{Txs: req.Txs}, nil
		}, func(sdk.Context, *abcitypes.RequestProcessProposal) (*abcitypes.ResponseProcessProposal, error) {
			return &abcitypes.ResponseProcessProposal{Status: abcitypes.ResponseProcessProposal_ACCEPT}, nil
		}
}

func (f *fixture) proposalHandler() *oracleabci.ProposalHandler {
	prep, proc := passThrough()
	return oracleabci.NewProposalHandler(f.k, f.staking, prep, proc)
}

func (f *fixture) prepare(info abcitypes.ExtendedCommitInfo, txs ...[]byte) [][]byte {
	f.t.Helper()
	resp, err := f.proposalHandler().PrepareProposalHandler()(f.withLastCommit(info),
		&abcitypes.RequestPrepareProposal{Height: f.height, MaxTxBytes: 1 << 20, Txs: txs, LocalLastCommit: info})
	require.NoError(f.t, err)
	return resp.Txs
}

func (f *fixture) process(info abcitypes.ExtendedCommitInfo, txs [][]byte) abcitypes.ResponseProcessProposal_ProposalStatus {
	f.t.Helper()
	resp, err := f.proposalHandler().ProcessProposalHandler()(f.withLastCommit(info),
		&abcitypes.RequestProcessProposal{Height: f.height, Txs: txs})
	require.NoError(f.t, err)
	return resp.Status
}

func TestPrepareAndProcessProposal(t *testing.T) {
	f := setup(t, 10, 10, 10, 10)
	info := f.commit(extension(t, allPairs), extension(t, allPairs), extension(t, allPairs), nil)
	userTx := []byte("a user transaction")
	txs := f.prepare(info, userTx)
	require.Len(t, txs, 2)
	require.True(t, types.IsInjectedVotes(txs[0]))
	require.Equal(t, userTx, txs[1])

	iv, err := types.DecodeInjectedVotes(txs[0])
	require.NoError(t, err)
	require.EqualValues(t, 40, iv.TotalPower)
	require.Len(t, iv.Aggregates, 4)
	require.Equal(t, abcitypes.ResponseProcessProposal_ACCEPT, f.process(info, txs))
}

func TestProcessProposalRejectsForgedAggregate(t *testing.T) {
	f := setup(t, 10, 10, 10, 10)
	info := f.commit(extension(t, allPairs), extension(t, allPairs), extension(t, allPairs), extension(t, allPairs))
	txs := f.prepare(info)
	iv, err := types.DecodeInjectedVotes(txs[0])
	require.NoError(t, err)

	forge := func(mutate func(*types.InjectedVotes)) [][]byte {
		forged := iv
		forged.Aggregates = append([]types.AggregatePrice(nil), iv.Aggregates...)
		mutate(&forged)
		bz, err := types.EncodeInjectedVotes(forged)
		require.NoError(t, err)
		return [][]byte{bz}
	}
	reject := abcitypes.ResponseProcessProposal_REJECT
	require.Equal(t, reject, f.process(info, forge(func(v *types.InjectedVotes) {
		v.Aggregates[1].Median = v.Aggregates[1].Median.Mul(sdkmath.LegacyNewDec(2)) // BTC doubled
	})), "forged median")
	require.Equal(t, reject, f.process(info, forge(func(v *types.InjectedVotes) { v.Aggregates = v.Aggregates[1:] })), "dropped pair")
	require.Equal(t, reject, f.process(info, forge(func(v *types.InjectedVotes) { v.Aggregates[0].ReportedPower++ })), "forged power")
	require.Equal(t, reject, f.process(info, forge(func(v *types.InjectedVotes) { v.TotalPower = 1 })), "forged total")
}

func TestProcessProposalRejectsBadVotes(t *testing.T) {
	f := setup(t, 10, 10, 10, 10)
	full := f.commit(extension(t, allPairs), extension(t, allPairs), extension(t, allPairs), extension(t, allPairs))
	reject := abcitypes.ResponseProcessProposal_REJECT

	// No injected votes at all, or garbage in their place.
	require.Equal(t, reject, f.process(full, nil))
	require.Equal(t, reject, f.process(full, [][]byte{[]byte("user tx")}))
	require.Equal(t, reject, f.process(full, [][]byte{append(append([]byte{}, types.InjectedVotesPrefix...), 0xff)}))

	// A tampered extension fails its signature check.
	tampered := f.commit(extension(t, allPairs), extension(t, allPairs), extension(t, allPairs), extension(t, allPairs))
	tampered.Votes[0].VoteExtension = extension(t, map[string]string{"BTC/USD": "1"})
	iv, err := oracleabci.BuildInjectedVotes(types.DefaultParams(), tampered)
	require.NoError(t, err)
	bz, err := types.EncodeInjectedVotes(iv)
	require.NoError(t, err)
	require.Equal(t, reject, f.process(tampered, [][]byte{bz}))

	// The proposer hides a validator's prices by marking its vote absent
	// while the block's last commit has it.
	hidden := f.commit(extension(t, allPairs), extension(t, allPairs), extension(t, allPairs), nil)
	iv, err = oracleabci.BuildInjectedVotes(types.DefaultParams(), hidden)
	require.NoError(t, err)
	bz, err = types.EncodeInjectedVotes(iv)
	require.NoError(t, err)
	require.Equal(t, reject, f.process(full, [][]byte{bz}))
	require.Equal(t, abcitypes.ResponseProcessProposal_ACCEPT, f.process(hidden, [][]byte{bz}))

	// Injected votes anywhere but first.
	txs := f.prepare(full)
	require.Equal(t, reject, f.process(full, [][]byte{txs[0], txs[0]}))
}

// Finding 5: a proposer must not pad the injected votes with bytes the
// votes do not need (unknown protobuf fields at either level, extensions on
// votes that are not COMMIT): ProcessProposal accepts only the bytes
// PrepareProposal itself produces.
func TestProcessProposalRejectsPaddedVotes(t *testing.T) {
	f := setup(t, 10, 10, 10, 10)
	info := f.commit(extension(t, allPairs), extension(t, allPairs), extension(t, allPairs), nil)
	canonical := f.prepare(info)[0]
	require.Equal(t, abcitypes.ResponseProcessProposal_ACCEPT, f.process(info, [][]byte{canonical}))
	reject := abcitypes.ResponseProcessProposal_REJECT

	// An unknown field (number 99, bytes) appended to InjectedVotes.
	junk := append([]byte{0x9a, 0x06, 0x04}, []byte("junk")...)
	require.Equal(t, reject, f.process(info, [][]byte{append(append([]byte{}, canonical...), junk...)}), "padded InjectedVotes")

	// An unknown field inside the encoded extended commit.
	iv, err := types.DecodeInjectedVotes(canonical)
	require.NoError(t, err)
	padded := iv
	padded.ExtendedCommitInfo = append(append([]byte{}, iv.ExtendedCommitInfo...), junk...)
	bz, err := types.EncodeInjectedVotes(padded)
	require.NoError(t, err)
	require.Equal(t, reject, f.process(info, [][]byte{bz}), "padded extended commit")

	// An extension on the absent validator's vote (signature left empty):
	// the tally ignores it, but it is junk in the block.
	withExt := info
	withExt.Votes = append([]abcitypes.ExtendedVoteInfo(nil), info.Votes...)
	withExt.Votes[3].VoteExtension = []byte("free storage")
	iv2, err := oracleabci.BuildInjectedVotes(types.DefaultParams(), withExt)
	require.NoError(t, err)
	bz, err = types.EncodeInjectedVotes(iv2)
	require.NoError(t, err)
	require.Equal(t, reject, f.process(withExt, [][]byte{bz}), "extension on an absent vote")
}

func TestProposalsBeforeVoteExtensions(t *testing.T) {
	f := setup(t, 10)
	cp := f.ctx.ConsensusParams()
	cp.Abci.VoteExtensionsEnableHeight = 0 // disabled
	f.ctx = f.ctx.WithConsensusParams(cp)
	txs := f.prepare(abcitypes.ExtendedCommitInfo{}, []byte("tx"))
	require.Equal(t, [][]byte{[]byte("tx")}, txs)
	require.Equal(t, abcitypes.ResponseProcessProposal_ACCEPT, f.process(abcitypes.ExtendedCommitInfo{}, txs))
	inj, _ := types.EncodeInjectedVotes(types.InjectedVotes{})
	require.Equal(t, abcitypes.ResponseProcessProposal_REJECT, f.process(abcitypes.ExtendedCommitInfo{}, [][]byte{inj}))
}

// finalize runs the pre-blocker on a block whose first transaction is
// prepared from the commit, and returns the context it ran in.
func (f *fixture) finalize(info abcitypes.ExtendedCommitInfo) sdk.Context {
	f.t.Helper()
	txs := f.prepare(info)
	ctx := f.withLastCommit(info)
	oracleabci.NewPreBlocker(f.k).PreBlock(ctx, &abcitypes.RequestFinalizeBlock{Height: f.height, Txs: txs, ProposerAddress: proposerAddr})
	return ctx
}

func (f *fixture) price(pair string) (sdkmath.LegacyDec, bool) {
	rec, err := f.k.Prices.Get(f.ctx, pair)
	if err != nil {
		return sdkmath.LegacyDec{}, false
	}
	return rec.Price, true
}

func TestPreBlockerStakeWeightedMedian(t *testing.T) {
	// Powers 40, 30, 20, 10 report 61000, 60000, 59000, 58000. Sorted by
	// price, cumulative power is 10, 30, 60, 100; 60*2 >= 100 first at 60000.
	f := setup(t, 40, 30, 20, 10)
	f.finalize(f.commit(
		extension(t, map[string]string{"BTC/USD": "61000"}),
		extension(t, map[string]string{"BTC/USD": "60000"}),
		extension(t, map[string]string{"BTC/USD": "59000"}),
		extension(t, map[string]string{"BTC/USD": "58000"}),
	))
	p, ok := f.price("BTC/USD")
	require.True(t, ok)
	require.Equal(t, dec("60000"), p)
	rec, _ := f.k.Prices.Get(f.ctx, "BTC/USD")
	require.EqualValues(t, 4, rec.Reporters)
	require.Equal(t, sdkmath.LegacyOneDec(), rec.PowerShare)

	// Every validator missed AGR, ETH and USDC.
	n, err := f.k.MissCounters.Get(f.ctx, f.vals[0].addr())
	require.NoError(t, err)
	require.EqualValues(t, 1, n)
}

func TestPreBlockerIgnoresAbsurdPrice(t *testing.T) {
	f := setup(t, 10, 10, 10, 10)
	absurd := map[string]string{"AGR/USD": "1", "BTC/USD": "60000000000", "ETH/USD": "3000", "USDC/USD": "1"}
	ctx := f.finalize(f.commit(extension(t, allPairs), extension(t, allPairs), extension(t, allPairs), extension(t, absurd)))
	p, _ := f.price("BTC/USD")
	require.Equal(t, dec("60000"), p)
	for _, e := range ctx.EventManager().Events() {
		require.NotEqual(t, "agora.oracle.v1.EventPriceClamped", e.Type)
	}
}

func TestPreBlockerBelowThreshold(t *testing.T) {
	f := setup(t, 10, 10, 10, 10)
	ctx := f.finalize(f.commit(extension(t, allPairs), extension(t, nil), extension(t, nil), extension(t, nil)))
	_, ok := f.price("BTC/USD")
	require.False(t, ok, "1 of 4 reporting must not set a price")
	notUpdated := 0
	for _, e := range ctx.EventManager().Events() {
		if e.Type == "agora.oracle.v1.EventPriceNotUpdated" {
			notUpdated++
		}
	}
	require.Equal(t, 4, notUpdated)
}

func TestPreBlockerClampsAndEmits(t *testing.T) {
	f := setup(t, 10)
	f.finalize(f.commit(extension(t, map[string]string{"ETH/USD": "3000"})))
	f.height++
	hi := f.ctx.HeaderInfo()
	hi.Height = f.height
	f.ctx = f.ctx.WithBlockHeight(f.height).WithHeaderInfo(hi)
	ctx := f.finalize(f.commit(extension(t, map[string]string{"ETH/USD": "6000"})))
	p, _ := f.price("ETH/USD")
	require.Equal(t, dec("3300"), p)
	found := false
	for _, e := range ctx.EventManager().Events() {
		found = found || e.Type == "agora.oracle.v1.EventPriceClamped"
	}
	require.True(t, found)
}

func TestPreBlockerNeverPanics(t *testing.T) {
	f := setup(t, 10)
	for name, txs := range map[string][][]byte{
		"garbage votes":      {append(append([]byte{}, types.InjectedVotesPrefix...), 0xff, 0x01)},
		"garbage commit":     {mustEncode(t, types.InjectedVotes{ExtendedCommitInfo: []byte{0xff, 0xff, 0xff}})},
		"no votes, expected": nil,
	} {
		ctx := f.ctx.WithEventManager(sdk.NewEventManager())
		require.NotPanics(t, func() {
			oracleabci.NewPreBlocker(f.k).PreBlock(ctx, &abcitypes.RequestFinalizeBlock{Height: f.height, Txs: txs, ProposerAddress: proposerAddr})
		}, name)
		found := false
		for _, e := range ctx.EventManager().Events() {
			found = found || e.Type == "agora.oracle.v1.EventOracleError"
		}
		require.True(t, found, name)
	}
}

func mustEncode(t *testing.T, iv types.InjectedVotes) []byte {
	bz, err := types.EncodeInjectedVotes(iv)
	require.NoError(t, err)
	return bz
}

// sdkSelector stands for the SDK's default PrepareProposal: it keeps
// transactions while their CometBFT proto size fits req.MaxTxBytes.
func sdkSelector(ctx sdk.Context, req *abcitypes.RequestPrepareProposal) (*abcitypes.ResponsePrepareProposal, error) {
	sel := baseapp.NewDefaultTxSelector()
	for _, tx := range req.Txs {
		if sel.SelectTxForProposal(ctx, uint64(req.MaxTxBytes), 0, nil, tx) {
			break
		}
	}
	return &abcitypes.ResponsePrepareProposal{Txs: sel.SelectedTxs(ctx)}, nil
}

// CometBFT panics the proposer when PrepareProposal returns more than
// MaxTxBytes, counted as CometBFT does (each tx with its proto framing).
func TestPrepareProposalStaysWithinMaxTxBytes(t *testing.T) {
	f := setup(t, 10, 10, 10, 10)
	info := f.commit(extension(t, allPairs), extension(t, allPairs), extension(t, allPairs), extension(t, allPairs))
	injected := f.prepare(info)[0]
	userTx := make([]byte, 200)
	userSize := cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{userTx})
	for _, tc := range []struct {
		maxTxBytes int64
		wantTxs    int
	}{
		{int64(len(injected)) + userSize, 1},                                     // the user tx would fit only if the injected tx had no framing
		{cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{injected}) + userSize, 2}, // both fit exactly
	} {
		_, proc := passThrough()
		h := oracleabci.NewProposalHandler(f.k, f.staking, sdkSelector, proc)
		resp, err := h.PrepareProposalHandler()(f.withLastCommit(info),
			&abcitypes.RequestPrepareProposal{Height: f.height, MaxTxBytes: tc.maxTxBytes, Txs: [][]byte{userTx}, LocalLastCommit: info})
		require.NoError(t, err)
		require.True(t, types.IsInjectedVotes(resp.Txs[0]))
		require.NoError(t, cmttypes.ToTxs(resp.Txs).Validate(tc.maxTxBytes), "max %d", tc.maxTxBytes)
		require.Len(t, resp.Txs, tc.wantTxs, "max %d", tc.maxTxBytes)
	}
}

// A chain whose initial height is above the vote-extension enable height
// (restarted from an exported genesis, or `init --initial-height`) has no
// last commit, hence no extensions, in its first block: CometBFT sends an
// empty LocalLastCommit. The oracle must not demand votes there, or every
// proposal of the first block is rejected and the chain never starts.
func TestFirstBlockAboveEnableHeight(t *testing.T) {
	f := setup(t, 10, 10, 10, 10) // height 10, extensions enabled from 1
	none := abcitypes.ExtendedCommitInfo{}
	prep, proc := passThrough()
	h := oracleabci.NewProposalHandler(f.k, f.staking, prep, proc)
	resp, err := h.PrepareProposalHandler()(f.withLastCommit(none),
		&abcitypes.RequestPrepareProposal{Height: f.height, MaxTxBytes: 1 << 20, Txs: [][]byte{[]byte("tx")}, LocalLastCommit: none})
	require.NoError(t, err)
	require.Equal(t, [][]byte{[]byte("tx")}, resp.Txs)
	require.Equal(t, abcitypes.ResponseProcessProposal_ACCEPT, f.process(none, resp.Txs))

	ctx := f.withLastCommit(none)
	oracleabci.NewPreBlocker(f.k).PreBlock(ctx, &abcitypes.RequestFinalizeBlock{Height: f.height, Txs: resp.Txs})
	for _, e := range ctx.EventManager().Events() {
		require.NotEqual(t, "agora.oracle.v1.EventOracleError", e.Type)
	}
}

// Finding 4: CometBFT accepts a last commit that leaves out present
// precommits while +2/3 signed, and the proposer writes both it and the
// injected votes, so ProcessProposal cannot tell an omission from an
// absence. This test pins the residual power: with four equal validators at
// 58k/59k/61k/62k, omitting the 58k one moves the median from 59k to 61k
// (still an honest report, and each such block is clamped by
// max_change_per_block); the omission is reported with the proposer; and
// with the default threshold (0.67), an omission that leaves less than 67%
// of the power reporting stops the update instead of moving the price.
func TestProposerOmissionResidual(t *testing.T) {
	prices := []string{"58000", "59000", "61000", "62000"}
	exts := func(t *testing.T, omit int) [][]byte {
		var out [][]byte
		for i, p := range prices {
			if i < omit {
				out = append(out, nil)
				continue
			}
			out = append(out, extension(t, map[string]string{"BTC/USD": p}))
		}
		return out
	}
	// The validators sort by address; give the lowest price to vals[0].
	full := setup(t, 10, 10, 10, 10)
	full.finalize(full.commit(exts(t, 0)...))
	p, _ := full.price("BTC/USD")
	require.Equal(t, dec("59000"), p) // lower weighted median of all four

	one := setup(t, 10, 10, 10, 10)
	info := one.commit(exts(t, 1)...)
	require.Equal(t, abcitypes.ResponseProcessProposal_ACCEPT, one.process(info, one.prepare(info)))
	ctx := one.finalize(info)
	p, _ = one.price("BTC/USD")
	require.Equal(t, dec("61000"), p)
	var absent *types.EventVotesAbsent
	for _, e := range ctx.EventManager().Events() {
		if e.Type == "agora.oracle.v1.EventVotesAbsent" {
			msg, err := sdk.ParseTypedEvent(abcitypes.Event(e))
			require.NoError(t, err)
			absent = msg.(*types.EventVotesAbsent)
		}
	}
	require.NotNil(t, absent)
	require.Equal(t, []string{sdk.ConsAddress(one.vals[0].addr()).String()}, absent.Validators)
	require.Equal(t, sdk.ConsAddress(proposerAddr).String(), absent.Proposer)
	require.Equal(t, dec("0.25"), absent.PowerShare)

	// When one validator does not report BTC, omitting another leaves half
	// the power: below the default threshold, so the price is not set.
	two := setup(t, 10, 10, 10, 10)
	e := exts(t, 1)
	e[1] = extension(t, map[string]string{"ETH/USD": "3000"})
	ctx = two.finalize(two.commit(e...))
	_, ok := two.price("BTC/USD")
	require.False(t, ok, "half the power is below the default threshold")
	require.True(t, hasEvent(ctx, "agora.oracle.v1.EventPriceNotUpdated"))
}

// proposerAddr is the proposer of the blocks finalize runs.
var proposerAddr = []byte("proposer-address-20b")

func hasEvent(ctx sdk.Context, typ string) bool {
	for _, e := range ctx.EventManager().Events() {
		if e.Type == typ {
			return true
		}
	}
	return false
}
