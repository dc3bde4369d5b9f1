package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/app"
	"github.com/agora-labs/agora/testutil/apptest"
	"github.com/agora-labs/agora/x/cdp/keeper"
	"github.com/agora-labs/agora/x/cdp/types"
	oracletypes "github.com/agora-labs/agora/x/oracle/types"
)

func dec(s string) sdkmath.LegacyDec { return sdkmath.LegacyMustNewDecFromStr(s) }
func ints(v int64) sdkmath.Int       { return sdkmath.NewInt(v) }

// prices are the devnet's starting prices (one whole unit, in USD).
var prices = map[string]string{"BTC/USD": "60000", "ETH/USD": "3000", "AGR/USD": "1", "USDC/USD": "1"}

func setPrice(t testing.TB, c *apptest.Chain, pair, price string) {
	t.Helper()
	if err := c.App.OracleKeeper.Prices.Set(c.WriteCtx(), pair, oracletypes.PriceRecord{
		Pair: pair, Price: dec(price), UpdatedHeight: c.Height(), UpdatedTime: c.Time(), Reporters: 1, PowerShare: sdkmath.LegacyOneDec(),
	}); err != nil {
		t.Fatal(err)
	}
}

func freshPrices(t testing.TB, c *apptest.Chain) {
	t.Helper()
	for p, v := range prices {
		setPrice(t, c, p, v)
	}
}

// ethType: MCR 130 %, 5 % fee, penalty 10 %, floor 10 AUSD, ceiling 10M AUSD.
func ethType() types.CollateralType {
	return types.CollateralType{
		Denom: "ueth", OraclePair: "ETH/USD", Decimals: 6, MinCollateralRatio: dec("1.3"), StabilityFee: dec("0.05"),
		DebtCeiling: ints(10_000_000_000_000), DebtFloor: ints(10_000_000), LiquidationPenalty: dec("0.1"),
	}
}

func btcType() types.CollateralType {
	ct := ethType()
	ct.Denom, ct.OraclePair = "ubtc", "BTC/USD"
	return ct
}

func gov(t testing.TB, c *apptest.Chain, msgs ...sdk.Msg) {
	t.Helper()
	ms := keeper.NewMsgServerImpl(c.App.CdpKeeper)
	for _, m := range msgs {
		var err error
		switch m := m.(type) {
		case *types.MsgSetCollateralType:
			_, err = ms.SetCollateralType(c.WriteCtx(), m)
		case *types.MsgUpdateParams:
			_, err = ms.UpdateParams(c.WriteCtx(), m)
		case *types.MsgShutdown:
			_, err = ms.Shutdown(c.WriteCtx(), m)
		default:
			t.Fatalf("gov: no case for %T", m)
		}
		if err != nil {
			t.Fatalf("gov %T: %v", m, err)
		}
	}
	c.NextBlock()
}

// newChain starts the app (every app invariant, cdp's included, is asserted
// after each block) with ETH and BTC collateral types and a PSM for uusdc
// (0.1 % fees, ceiling 1M USDC).
func newChain(t testing.TB) *apptest.Chain {
	t.Helper()
	c := apptest.New(t)
	freshPrices(t, c)
	params := types.DefaultParams()
	params.PsmDenom, params.PsmFeeIn, params.PsmFeeOut, params.PsmCeiling = "uusdc", dec("0.001"), dec("0.001"), ints(1_000_000_000_000)
	gov(t, c,
		&types.MsgUpdateParams{Authority: app.TimelockAuthority(), Params: params},
		&types.MsgSetCollateralType{Authority: app.TimelockAuthority(), CollateralType: ethType()},
		&types.MsgSetCollateralType{Authority: app.TimelockAuthority(), CollateralType: btcType()},
	)
	return c
}

func deliver(t *testing.T, c *apptest.Chain, signer string, msgs ...sdk.Msg) {
	t.Helper()
	freshPrices(t, c)
	if _, err := c.DeliverMsgs(signer, msgs...); err != nil {
		t.Fatalf("%s: %v", signer, err)
	}
}

func addr(c *apptest.Chain, name string) string { return c.Address(name).String() }

func balance(c *apptest.Chain, name, denom string) sdkmath.Int {
	return c.App.BankKeeper.GetBalance(c.Ctx(), c.Address(name), denom).Amount
}

func vaultInfo(t *testing.T, c *apptest.Chain, id uint64) types.VaultInfo {
	t.Helper()
	res, err := keeper.NewQueryServerImpl(c.App.CdpKeeper).Vault(c.Ctx(), &types.QueryVaultRequest{Id: id})
	if err != nil {
		t.Fatal(err)
	}
	return res.Vault
}

func coinOf(a int64, denom string) sdk.Coin { return sdk.NewInt64Coin(denom, a) }
