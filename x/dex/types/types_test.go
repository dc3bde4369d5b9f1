package types_test

import (
	"strings"
	"testing"
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/agora-labs/agora/x/dex/types"
)

func TestParamsValidate(t *testing.T) {
	if err := types.DefaultParams().Validate(); err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(*types.Params){
		"no tiers": func(p *types.Params) { p.FeeTiers = nil },
		"tier above 10%": func(p *types.Params) {
			p.FeeTiers = append(p.FeeTiers, types.FeeTier{Fee: sdkmath.LegacyNewDecWithPrec(11, 2)})
		},
		"negative tier":      func(p *types.Params) { p.FeeTiers = append(p.FeeTiers, types.FeeTier{Fee: sdkmath.LegacyNewDec(-1)}) },
		"duplicate tier":     func(p *types.Params) { p.FeeTiers = append(p.FeeTiers, p.FeeTiers[0]) },
		"protocol share 60%": func(p *types.Params) { p.ProtocolFeeShare = sdkmath.LegacyNewDecWithPrec(6, 1) },
		"nil protocol share": func(p *types.Params) { p.ProtocolFeeShare = sdkmath.LegacyDec{} },
		"zero hops":          func(p *types.Params) { p.MaxHops = 0 },
		"nine hops":          func(p *types.Params) { p.MaxHops = 9 },
		"short window":       func(p *types.Params) { p.TwapWindowSeconds = 60 },
		"long window":        func(p *types.Params) { p.TwapWindowSeconds = 31 * 24 * 3600 },
		"1 asset":            func(p *types.Params) { p.MaxPoolAssets = 1 },
		"5 assets":           func(p *types.Params) { p.MaxPoolAssets = 5 },
		"min A 0":            func(p *types.Params) { p.MinAmplification = 0 },
		"min A > max A":      func(p *types.Params) { p.MinAmplification = 100; p.MaxAmplification = 10 },
		"max A too high":     func(p *types.Params) { p.MaxAmplification = 2_000_000 },
		"bad creation fee":   func(p *types.Params) { p.PoolCreationFee = sdk.Coins{{Denom: "uagr", Amount: sdkmath.NewInt(-1)}} },
	} {
		p := types.DefaultParams()
		edit(&p)
		requireCode(t, name, p.Validate(), types.ErrInvalidParams)
	}
}

// requireCode checks err carries want's codespace and ABCI code (what a
// tx result shows), not only errors.Is.
func requireCode(t *testing.T, name string, err error, want *errorsmod.Error) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: expected %v, got nil", name, want)
		return
	}
	space, code, _ := errorsmod.ABCIInfo(err, false)
	if space != want.Codespace() || code != want.ABCICode() {
		t.Errorf("%s: expected %s/%d, got %s/%d: %v", name, want.Codespace(), want.ABCICode(), space, code, err)
	}
}

// Params.Validate reports every problem at once.
func TestParamsValidateReportsEveryProblem(t *testing.T) {
	p := types.DefaultParams()
	p.MaxHops, p.TwapWindowSeconds, p.MinAmplification = 0, 60, 0
	err := p.Validate()
	requireCode(t, "three problems", err, types.ErrInvalidParams)
	for _, want := range []string{"max_hops", "twap_window_seconds", "amplification bounds"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %s", err, want)
		}
	}
}

func validPool(id uint64) types.Pool {
	return types.Pool{
		Id: id, Type: types.POOL_TYPE_CONSTANT_PRODUCT, ShareDenom: types.ShareDenom(id),
		Reserves: sdk.NewCoins(sdk.NewInt64Coin("uagr", 1_000_000), sdk.NewInt64Coin("uusdc", 1_000_000)),
		SwapFee:  sdkmath.LegacyNewDecWithPrec(3, 3), TotalShares: sdkmath.NewInt(1_000_000),
	}
}

func TestGenesisValidate(t *testing.T) {
	good := types.DefaultGenesis()
	good.Pools = []types.Pool{validPool(1)}
	good.NextPoolId = 2
	good.TwapRecords = []types.TwapRecord{{PoolId: 1, BaseDenom: "uagr", QuoteDenom: "uusdc", Time: time.Unix(0, 0).UTC(),
		ArithmeticCumulative: sdkmath.LegacyZeroDec(), GeometricCumulative: sdkmath.LegacyZeroDec(), LastSpotPrice: sdkmath.LegacyOneDec()}}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := types.DefaultGenesis().Validate(); err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(g *types.GenesisState){
		"next id not above pools": func(g *types.GenesisState) { g.NextPoolId = 1 },
		"duplicate id":            func(g *types.GenesisState) { g.Pools = append(g.Pools, validPool(1)) },
		"duplicate key":           func(g *types.GenesisState) { g.Pools = append(g.Pools, validPool(2)); g.NextPoolId = 3 },
		"wrong share denom":       func(g *types.GenesisState) { g.Pools[0].ShareDenom = "dex/pool/7" },
		"3-asset constant product": func(g *types.GenesisState) {
			g.Pools[0].Reserves = g.Pools[0].Reserves.Add(sdk.NewInt64Coin("ubtc", 5))
		},
		"zero reserve":         func(g *types.GenesisState) { g.Pools[0].Reserves[0].Amount = sdkmath.ZeroInt() },
		"shares at minimum":    func(g *types.GenesisState) { g.Pools[0].TotalShares = sdkmath.NewInt(1000) },
		"fee 100%":             func(g *types.GenesisState) { g.Pools[0].SwapFee = sdkmath.LegacyOneDec() },
		"stableswap without A": func(g *types.GenesisState) { g.Pools[0].Type = types.POOL_TYPE_STABLESWAP },
		"unknown type":         func(g *types.GenesisState) { g.Pools[0].Type = 7 },
		"record of no pool":    func(g *types.GenesisState) { g.TwapRecords[0].PoolId = 9 },
		"record of wrong pair": func(g *types.GenesisState) { g.TwapRecords[0].QuoteDenom = "ueth" },
		"record without price": func(g *types.GenesisState) { g.TwapRecords[0].LastSpotPrice = sdkmath.LegacyZeroDec() },
		"duplicate record":     func(g *types.GenesisState) { g.TwapRecords = append(g.TwapRecords, g.TwapRecords[0]) },
		"bad params":           func(g *types.GenesisState) { g.Params.MaxHops = 0 },
	}
	for name, edit := range cases {
		g := *good
		g.Pools = append([]types.Pool(nil), good.Pools...)
		g.Pools[0].Reserves = append(sdk.Coins(nil), good.Pools[0].Reserves...)
		g.TwapRecords = append([]types.TwapRecord(nil), good.TwapRecords...)
		edit(&g)
		want := types.ErrInvalidGenesis
		if name == "bad params" {
			want = types.ErrInvalidParams
		}
		requireCode(t, name, g.Validate(), want)
	}
}

func TestAmplificationRamp(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := validPool(1)
	p.Type = types.POOL_TYPE_STABLESWAP
	p.Amplification = &types.Amplification{Initial: 100, Future: 1000, StartTime: t0, EndTime: t0.Add(90 * time.Second)}
	for _, tc := range []struct {
		at   time.Duration
		want uint64
	}{{-time.Hour, 100}, {0, 100}, {30 * time.Second, 400}, {89 * time.Second, 990}, {90 * time.Second, 1000}, {time.Hour, 1000}} {
		if got := p.AmplificationAt(t0.Add(tc.at)); got != tc.want {
			t.Errorf("A at %s = %d, want %d", tc.at, got, tc.want)
		}
	}
	p.Amplification = &types.Amplification{Initial: 1000, Future: 100, StartTime: t0, EndTime: t0.Add(90 * time.Second)}
	if got := p.AmplificationAt(t0.Add(30 * time.Second)); got != 700 {
		t.Errorf("ramp down: A = %d, want 700", got)
	}
	if got := validPool(2).AmplificationAt(t0); got != 0 {
		t.Errorf("constant product A = %d", got)
	}
}

func TestShareDenom(t *testing.T) {
	if types.ShareDenom(12) != "dex/pool/12" {
		t.Fatal(types.ShareDenom(12))
	}
	for denom, want := range map[string]uint64{"dex/pool/12": 12, "dex/pool/012": 0, "dex/pool/": 0, "uagr": 0, "dex/pool/1x": 0} {
		id, ok := types.PoolIDFromShareDenom(denom)
		if id != want || ok != (want != 0) {
			t.Errorf("%s -> %d %v", denom, id, ok)
		}
	}
	if err := sdk.ValidateDenom(types.ShareDenom(1)); err != nil {
		t.Fatal(err)
	}
}

func TestValidateBasic(t *testing.T) {
	addr := authtypes.NewModuleAddress("x").String()
	hop := []types.Hop{{PoolId: 1, DenomOut: "uusdc"}}
	one := sdkmath.OneInt()
	for name, tc := range map[string]struct {
		msg  sdk.HasValidateBasic
		want string
	}{
		"bad sender":          {&types.MsgSwapExactIn{Sender: "nope", Route: hop, TokenIn: sdk.NewInt64Coin("uagr", 1), MinOut: one}, "sender"},
		"empty route":         {&types.MsgSwapExactIn{Sender: addr, TokenIn: sdk.NewInt64Coin("uagr", 1), MinOut: one}, "no hops"},
		"route pool 0":        {&types.MsgSwapExactIn{Sender: addr, Route: []types.Hop{{DenomOut: "uusdc"}}, TokenIn: sdk.NewInt64Coin("uagr", 1), MinOut: one}, "pool id"},
		"round trip":          {&types.MsgSwapExactIn{Sender: addr, Route: []types.Hop{{PoolId: 1, DenomOut: "uusdc"}, {PoolId: 2, DenomOut: "uagr"}}, TokenIn: sdk.NewInt64Coin("uagr", 1), MinOut: one}, "starts and ends"},
		"exact out wrong end": {&types.MsgSwapExactOut{Sender: addr, Route: hop, DenomIn: "uagr", TokenOut: sdk.NewInt64Coin("ueth", 1), MaxIn: one}, "route ends in uusdc"},
		"exact out zero max":  {&types.MsgSwapExactOut{Sender: addr, Route: hop, DenomIn: "uagr", TokenOut: sdk.NewInt64Coin("uusdc", 1), MaxIn: sdkmath.ZeroInt()}, "max_in"},
		"unsorted liquidity":  {&types.MsgCreatePool{Sender: addr, PoolType: types.POOL_TYPE_CONSTANT_PRODUCT, InitialLiquidity: sdk.Coins{sdk.NewInt64Coin("uusdc", 5), sdk.NewInt64Coin("uagr", 5)}, SwapFee: sdkmath.LegacyZeroDec()}, "sorted"},
		"no pool type":        {&types.MsgCreatePool{Sender: addr, InitialLiquidity: sdk.NewCoins(sdk.NewInt64Coin("uusdc", 5), sdk.NewInt64Coin("uagr", 5)), SwapFee: sdkmath.LegacyZeroDec()}, "pool_type"},
		"cp with A":           {&types.MsgCreatePool{Sender: addr, PoolType: types.POOL_TYPE_CONSTANT_PRODUCT, InitialLiquidity: sdk.NewCoins(sdk.NewInt64Coin("uusdc", 5), sdk.NewInt64Coin("uagr", 5)), SwapFee: sdkmath.LegacyZeroDec(), Amplification: 5}, "no amplification"},
		"join nothing":        {&types.MsgJoinPool{Sender: addr, PoolId: 1, MinSharesOut: one}, "empty"},
		"exit pool 0":         {&types.MsgExitPool{Sender: addr, SharesIn: one}, "pool id"},
		"ramp to 0":           {&types.MsgRampAmplification{Authority: addr, PoolId: 1}, "future_amplification"},
	} {
		err := tc.msg.ValidateBasic()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error about %q", name, err, tc.want)
		}
	}
}

func TestCheckDeadline(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := types.CheckDeadline(time.Time{}, now); err != nil {
		t.Fatal(err)
	}
	if err := types.CheckDeadline(now, now); err != nil {
		t.Fatal(err)
	}
	err := types.CheckDeadline(now.Add(-time.Second), now)
	requireCode(t, "passed deadline", err, types.ErrDeadlineExceeded)
	if err == nil || !strings.Contains(err.Error(), "deadline 2025-12-31T23:59:59Z has passed (block time 2026-01-01T00:00:00Z)") {
		t.Fatalf("message: %v", err)
	}
}
