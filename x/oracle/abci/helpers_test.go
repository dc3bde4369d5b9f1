package abci_test

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"cosmossdk.io/core/comet"
	"cosmossdk.io/core/header"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	abcitypes "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cryptoenc "github.com/cometbft/cometbft/crypto/encoding"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	protoio "github.com/cosmos/gogoproto/io"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/agora-labs/agora/x/oracle"
	"github.com/agora-labs/agora/x/oracle/keeper"
	"github.com/agora-labs/agora/x/oracle/types"
)

const chainID = "oracle-test"

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

// validator is a test validator with a real consensus key.
type validator struct {
	priv  ed25519.PrivKey
	power int64
}

func (v validator) addr() []byte { return v.priv.PubKey().Address() }

// stakingStore serves consensus keys (for ValidateVoteExtensions) and
// implements the rest of types.StakingKeeper trivially.
type stakingStore struct {
	keys map[string]cmtprotocrypto.PublicKey
}

func (s stakingStore) GetPubKeyByConsAddr(_ context.Context, addr sdk.ConsAddress) (cmtprotocrypto.PublicKey, error) {
	pk, ok := s.keys[string(addr)]
	if !ok {
		return pk, errors.New("unknown validator")
	}
	return pk, nil
}

func (stakingStore) GetValidatorByConsAddr(context.Context, sdk.ConsAddress) (stakingtypes.Validator, error) {
	return stakingtypes.Validator{}, stakingtypes.ErrNoValidatorFound
}
func (stakingStore) PowerReduction(context.Context) sdkmath.Int { return sdk.DefaultPowerReduction }
func (stakingStore) Slash(context.Context, sdk.ConsAddress, int64, int64, sdkmath.LegacyDec) (sdkmath.Int, error) {
	return sdkmath.ZeroInt(), nil
}
func (stakingStore) Jail(context.Context, sdk.ConsAddress) error { return nil }

type fixture struct {
	t       *testing.T
	ctx     sdk.Context // at height `height`, vote extensions enabled from 1
	height  int64
	k       keeper.Keeper
	vals    []validator
	staking stakingStore
}

// setup builds a keeper and n validators with the given powers.
func setup(t *testing.T, powers ...int64) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tkey := storetypes.NewTransientStoreKey("transient_test")
	const height = 10
	ctx := testutil.DefaultContextWithDB(t, key, tkey).Ctx.
		WithBlockHeight(height).WithChainID(chainID).
		WithBlockTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).
		WithHeaderInfo(header.Info{Height: height, ChainID: chainID}).
		WithConsensusParams(cmtproto.ConsensusParams{Abci: &cmtproto.ABCIParams{VoteExtensionsEnableHeight: 1}})
	enc := moduletestutil.MakeTestEncodingConfig(oracle.AppModule{})
	st := stakingStore{keys: map[string]cmtprotocrypto.PublicKey{}}
	var vals []validator
	for _, p := range powers {
		v := validator{priv: ed25519.GenPrivKey(), power: p}
		pk, err := cryptoenc.PubKeyToProto(v.priv.PubKey())
		require.NoError(t, err)
		st.keys[string(v.addr())] = pk
		vals = append(vals, v)
	}
	// CometBFT orders a commit by power (descending), then address.
	slices.SortFunc(vals, func(a, b validator) int {
		if a.power != b.power {
			return int(b.power - a.power)
		}
		return bytes.Compare(a.addr(), b.addr())
	})
	k := keeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(key), authtypes.NewModuleAddress("gov").String(), st, noDex{})
	require.NoError(t, k.InitGenesis(ctx, *types.DefaultGenesis()))
	return &fixture{t: t, ctx: ctx, height: height, k: k, vals: vals, staking: st}
}

// extension encodes prices (pair → price) as a vote extension.
func extension(t *testing.T, prices map[string]string) []byte {
	t.Helper()
	m := map[string]sdkmath.LegacyDec{}
	for pair, p := range prices {
		m[pair] = dec(p)
	}
	ve := types.NewVoteExtension(m, types.DefaultParams())
	bz, err := ve.Marshal()
	require.NoError(t, err)
	return bz
}

// commit builds the extended commit of height-1 in which validator i
// signed exts[i]; a nil entry in exts means the validator was absent.
func (f *fixture) commit(exts ...[]byte) abcitypes.ExtendedCommitInfo {
	f.t.Helper()
	info := abcitypes.ExtendedCommitInfo{Round: 0}
	for i, v := range f.vals {
		vote := abcitypes.ExtendedVoteInfo{
			Validator:   abcitypes.Validator{Address: v.addr(), Power: v.power},
			BlockIdFlag: cmtproto.BlockIDFlagAbsent,
		}
		if i < len(exts) && exts[i] != nil {
			vote.BlockIdFlag = cmtproto.BlockIDFlagCommit
			vote.VoteExtension = exts[i]
			cve := cmtproto.CanonicalVoteExtension{Extension: exts[i], Height: f.height - 1, Round: 0, ChainId: chainID}
			var buf bytes.Buffer
			require.NoError(f.t, protoio.NewDelimitedWriter(&buf).WriteMsg(&cve))
			sig, err := v.priv.Sign(buf.Bytes())
			require.NoError(f.t, err)
			vote.ExtensionSignature = sig
		}
		info.Votes = append(info.Votes, vote)
	}
	return info
}

// withLastCommit is the fixture's context whose CometInfo carries the last
// commit matching info (as ProcessProposal and FinalizeBlock see it).
func (f *fixture) withLastCommit(info abcitypes.ExtendedCommitInfo) sdk.Context {
	return f.ctx.WithCometInfo(blockInfo{info}).WithEventManager(sdk.NewEventManager())
}

type blockInfo struct{ info abcitypes.ExtendedCommitInfo }

func (blockInfo) GetEvidence() comet.EvidenceList   { return nil }
func (blockInfo) GetValidatorsHash() []byte         { return nil }
func (blockInfo) GetProposerAddress() []byte        { return nil }
func (b blockInfo) GetLastCommit() comet.CommitInfo { return commitInfo(b) }

type commitInfo blockInfo

func (c commitInfo) Round() int32           { return c.info.Round }
func (c commitInfo) Votes() comet.VoteInfos { return voteInfos(c) }

type voteInfos commitInfo

func (v voteInfos) Len() int                 { return len(v.info.Votes) }
func (v voteInfos) Get(i int) comet.VoteInfo { return voteInfo{v.info.Votes[i]} }

type voteInfo struct{ v abcitypes.ExtendedVoteInfo }

func (v voteInfo) Validator() comet.Validator {
	return cometValidator{addr: v.v.Validator.Address, power: v.v.Validator.Power}
}
func (v voteInfo) GetBlockIDFlag() comet.BlockIDFlag { return comet.BlockIDFlag(v.v.BlockIdFlag) }

type cometValidator struct {
	addr  []byte
	power int64
}

func (v cometValidator) Address() []byte { return v.addr }
func (v cometValidator) Power() int64    { return v.power }

// priceSource is a fixed feeder cache.
type priceSource map[string]sdkmath.LegacyDec

func (p priceSource) Prices() map[string]sdkmath.LegacyDec { return p }

// noDex is a DEX without pools: no pair of these tests has a guard.
type noDex struct{}

func (noDex) TWAP(context.Context, uint64, string, string, time.Time, time.Time) (sdkmath.LegacyDec, sdkmath.LegacyDec, error) {
	return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, errors.New("no pool")
}
func (noDex) CheckPoolActive(context.Context, uint64) error     { return errors.New("no pool") }
func (noDex) TwapWindow(context.Context) (time.Duration, error) { return 48 * time.Hour, nil }
