package keeper_test

import (
	"context"
	"errors"
	"testing"
	"time"

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

// mockDex returns a fixed TWAP per base denom.
type mockDex map[string]sdkmath.LegacyDec

func (m mockDex) TWAPByDenoms(_ context.Context, base, _ string, _, _ time.Time) (sdkmath.LegacyDec, error) {
	if p, ok := m[base]; ok {
		return p, nil
	}
	return sdkmath.LegacyDec{}, errors.New("no pool")
}

type fixture struct {
	ctx     sdk.Context
	k       *keeper.Keeper
	staking *mockStaking
}

func setup(t *testing.T) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tkey := storetypes.NewTransientStoreKey("transient_test")
	ctx := testutil.DefaultContextWithDB(t, key, tkey).Ctx.
		WithBlockHeight(100).WithBlockTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	enc := moduletestutil.MakeTestEncodingConfig(oracle.AppModule{})
	st := newMockStaking()
	k := keeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(key), authority, st, nil)
	require.NoError(t, k.InitGenesis(ctx, *types.DefaultGenesis()))
	return &fixture{ctx: ctx, k: k, staking: st}
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
