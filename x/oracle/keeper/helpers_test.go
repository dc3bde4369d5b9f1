package keeper_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	cmtprotocrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/agora-labs/agora/x/oracle"
	"github.com/agora-labs/agora/x/oracle/keeper"
	"github.com/agora-labs/agora/x/oracle/types"
)

var authority = authtypes.NewModuleAddress(govtypes.ModuleName).String()

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }

// mockStaking records slashes and jails.
type mockStaking struct {
	validators map[string]stakingtypes.Validator
	slashed    map[string]sdkmath.LegacyDec
	jailed     map[string]bool
}

func newMockStaking() *mockStaking {
	return &mockStaking{validators: map[string]stakingtypes.Validator{}, slashed: map[string]sdkmath.LegacyDec{}, jailed: map[string]bool{}}
}

func (m *mockStaking) addBonded(addr []byte, tokens int64) {
	m.validators[string(addr)] = stakingtypes.Validator{Status: stakingtypes.Bonded, Tokens: sdkmath.NewInt(tokens)}
}

func (m *mockStaking) GetPubKeyByConsAddr(context.Context, sdk.ConsAddress) (cmtprotocrypto.PublicKey, error) {
	return cmtprotocrypto.PublicKey{}, errors.New("not used")
}

func (m *mockStaking) GetValidatorByConsAddr(_ context.Context, addr sdk.ConsAddress) (stakingtypes.Validator, error) {
	v, ok := m.validators[string(addr)]
	if !ok {
		return v, stakingtypes.ErrNoValidatorFound
	}
	return v, nil
}

func (m *mockStaking) PowerReduction(context.Context) sdkmath.Int { return sdk.DefaultPowerReduction }

func (m *mockStaking) Slash(_ context.Context, addr sdk.ConsAddress, _, _ int64, f sdkmath.LegacyDec) (sdkmath.Int, error) {
	m.slashed[string(addr)] = f
	return sdkmath.ZeroInt(), nil
}

func (m *mockStaking) Jail(_ context.Context, addr sdk.ConsAddress) error {
	m.jailed[string(addr)] = true
	return nil
}

// mockDex serves a fixed geometric TWAP per pool id; a pool in paused is
// paused, a pool without a TWAP is missing. It records the last TWAP call.
type mockDex struct {
	twap     map[uint64]sdkmath.LegacyDec
	paused   map[uint64]bool
	window   time.Duration
	lastCall string
}

func newMockDex() *mockDex {
	return &mockDex{twap: map[uint64]sdkmath.LegacyDec{}, paused: map[uint64]bool{}, window: 48 * time.Hour}
}

var errNoPool = errors.New("pool not found")

func (m *mockDex) TWAP(_ context.Context, id uint64, base, quote string, start, end time.Time) (sdkmath.LegacyDec, sdkmath.LegacyDec, error) {
	m.lastCall = fmt.Sprintf("%d %s/%s %s", id, base, quote, end.Sub(start))
	p, ok := m.twap[id]
	if !ok {
		return sdkmath.LegacyDec{}, sdkmath.LegacyDec{}, errNoPool
	}
	return p, p, nil
}

func (m *mockDex) CheckPoolActive(_ context.Context, id uint64) error {
	if _, ok := m.twap[id]; !ok {
		return errNoPool
	}
	if m.paused[id] {
		return errors.New("paused")
	}
	return nil
}

func (m *mockDex) TwapWindow(context.Context) (time.Duration, error) { return m.window, nil }

type fixture struct {
	ctx     sdk.Context
	k       keeper.Keeper
	staking *mockStaking
	dex     *mockDex
}

func setup(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tkey := storetypes.NewTransientStoreKey("transient_test")
	ctx := testutil.DefaultContextWithDB(t, key, tkey).Ctx.
		WithBlockHeight(100).WithBlockTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	enc := moduletestutil.MakeTestEncodingConfig(oracle.AppModule{})
	st, dex := newMockStaking(), newMockDex()
	k := keeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(key), authority, st, dex)
	require.NoError(t, k.InitGenesis(ctx, *types.DefaultGenesis()))
	return &fixture{ctx: ctx, k: k, staking: st, dex: dex}
}

// atHeight returns the fixture's context at another height with a fresh
// event manager.
func (f *fixture) atHeight(h int64) sdk.Context {
	return f.ctx.WithBlockHeight(h).WithEventManager(sdk.NewEventManager())
}

func agg(pair, median string, reporters uint32, power int64) types.AggregatePrice {
	return types.AggregatePrice{Pair: pair, Median: dec(median), Reporters: reporters, ReportedPower: power}
}

func hasEvent(ctx sdk.Context, typ string) bool {
	for _, e := range ctx.EventManager().Events() {
		if e.Type == typ {
			return true
		}
	}
	return false
}

// setGuard sets a pair's DEX guard in the stored params.
func setGuard(t *testing.T, f *fixture, pair string, pool uint64, quote string, decimals uint32) {
	t.Helper()
	params, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	for i := range params.Pairs {
		if params.Pairs[i].Name == pair {
			params.Pairs[i].DexGuardPoolId, params.Pairs[i].DexGuardQuoteDenom, params.Pairs[i].DexGuardQuoteDecimals = pool, quote, decimals
		}
	}
	require.NoError(t, params.Validate())
	require.NoError(t, f.k.Params.Set(f.ctx, params))
}

// requireCode checks an error's codespace and ABCI code.
func requireCode(t *testing.T, err error, want *errorsmod.Error) {
	t.Helper()
	require.Error(t, err)
	codespace, code, _ := errorsmod.ABCIInfo(err, false)
	require.Equal(t, want.Codespace(), codespace, err.Error())
	require.Equal(t, want.ABCICode(), code, err.Error())
}
