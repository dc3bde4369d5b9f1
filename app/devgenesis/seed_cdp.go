package devgenesis

import (
	"fmt"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/app"
	cdptypes "github.com/agora-labs/agora/x/cdp/types"
	dextypes "github.com/agora-labs/agora/x/dex/types"
)

// What the seeding account (the "validator", or the first test account)
// has done with AUSD at genesis: swapped 1,200,000 USDC into AUSD through the
// PSM, deposited 500,000 AUSD into the stability pool and seeded the
// AUSD/USDC stableswap pool with 500,000 of each (amplification 200, fee
// 0.05 %); it keeps the other 200,000 AUSD.
var (
	CdpSeedPsm      = sdkmath.NewInt(1_200_000_000_000)
	CdpSeedPool     = sdkmath.NewInt(500_000_000_000)
	CdpSeedDexSide  = sdkmath.NewInt(500_000_000_000)
	CdpSeedDexAmp   = uint64(200)
	CdpSeedDexFee   = sdkmath.LegacyNewDecWithPrec(5, 4)
	CdpSeedPsmLimit = sdkmath.NewInt(10_000_000_000_000) // 10M USDC
)

// CdpSeedTypes are the devnet's collateral types: AGR at 150 %, BTC and ETH
// at 130 % (fees 2 %, 1 %, 1 %; penalty 10 %; floor 10 AUSD).
func CdpSeedTypes() []cdptypes.CollateralType {
	d := sdkmath.LegacyMustNewDecFromStr
	mk := func(denom, pair, mcr, fee string, ceiling int64) cdptypes.CollateralType {
		return cdptypes.CollateralType{
			Denom: denom, OraclePair: pair, Decimals: 6, MinCollateralRatio: d(mcr), StabilityFee: d(fee),
			DebtCeiling: sdkmath.NewInt(ceiling), DebtFloor: sdkmath.NewInt(10_000_000), LiquidationPenalty: d("0.1"),
		}
	}
	return []cdptypes.CollateralType{
		mk("uagr", "AGR/USD", "1.5", "0.02", 5_000_000_000_000),  // 5M AUSD
		mk("ubtc", "BTC/USD", "1.3", "0.01", 50_000_000_000_000), // 50M AUSD
		mk("ueth", "ETH/USD", "1.3", "0.01", 20_000_000_000_000), // 20M AUSD
	}
}

// SeedCdp lists CdpSeedTypes, opens the PSM for uusdc (0.1 % each way,
// ceiling 10M USDC), prices AGR for the books' AGR legs (AGR/USD), and records the seeding account's PSM swap, stability
// pool deposit and AUSD/USDC stableswap pool (see CdpSeedPsm). Module state
// and balances agree, so every cdp and dex invariant holds from genesis.
func SeedCdp(cdc codec.JSONCodec, gen app.GenesisState, accounts map[string]sdk.AccAddress) error {
	holder, ok := seedHolder(accounts)
	if !ok {
		return fmt.Errorf("cdp seed: no account to seed AUSD")
	}
	var cdpGen cdptypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[cdptypes.ModuleName], &cdpGen); err != nil {
		return fmt.Errorf("cdp genesis: %w", err)
	}
	start := time.Now().UTC().Truncate(time.Second) // the fee accrues from here
	for _, ct := range CdpSeedTypes() {
		cdpGen.CollateralTypes = append(cdpGen.CollateralTypes, ct)
		cdpGen.CollateralStates = append(cdpGen.CollateralStates, cdptypes.NewCollateralState(ct.Denom, start))
	}
	p := &cdpGen.Params
	p.PsmDenom, p.PsmFeeIn, p.PsmFeeOut, p.PsmCeiling = "uusdc", sdkmath.LegacyNewDecWithPrec(1, 3), sdkmath.LegacyNewDecWithPrec(1, 3), CdpSeedPsmLimit
	p.AgrOraclePair = "AGR/USD" // the books buy and sell AGR through the AGR/USDC pool
	cdpGen.Books.PsmReserve = cdpGen.Books.PsmReserve.Add(CdpSeedPsm)
	cdpGen.Pool.TotalDeposits = cdpGen.Pool.TotalDeposits.Add(CdpSeedPool)
	cdpGen.Deposits = append(cdpGen.Deposits, cdptypes.PoolDeposit{
		Depositor: holder.String(), Initial: CdpSeedPool, P: cdpGen.Pool.P, Scale: cdpGen.Pool.Scale, Epoch: cdpGen.Pool.Epoch,
	})
	if err := cdpGen.Validate(); err != nil {
		return fmt.Errorf("cdp seed: %w", err)
	}
	gen[cdptypes.ModuleName] = cdc.MustMarshalJSON(&cdpGen)

	var dexGen dextypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[dextypes.ModuleName], &dexGen); err != nil {
		return fmt.Errorf("dex genesis: %w", err)
	}
	assets := sdk.NewCoins(sdk.NewCoin(cdptypes.StableDenom, CdpSeedDexSide), sdk.NewCoin("uusdc", CdpSeedDexSide))
	id := dexGen.NextPoolId
	total, err := dextypes.InitialShares(dextypes.POOL_TYPE_STABLESWAP, []sdkmath.Int{assets[0].Amount, assets[1].Amount}, CdpSeedDexAmp)
	if err != nil {
		return err
	}
	dexGen.Pools = append(dexGen.Pools, dextypes.Pool{
		Id: id, Type: dextypes.POOL_TYPE_STABLESWAP, Reserves: assets, SwapFee: CdpSeedDexFee, TotalShares: total,
		ShareDenom: dextypes.ShareDenom(id), Creator: holder.String(),
		Amplification: &dextypes.Amplification{Initial: CdpSeedDexAmp, Future: CdpSeedDexAmp, StartTime: start, EndTime: start},
	})
	dexGen.NextPoolId++
	gen[dextypes.ModuleName] = cdc.MustMarshalJSON(&dexGen)
	shares := sdk.NewCoin(dextypes.ShareDenom(id), total.Sub(dextypes.MinimumLiquidity))

	var bankGen banktypes.GenesisState
	if err := cdc.UnmarshalJSON(gen[banktypes.ModuleName], &bankGen); err != nil {
		return fmt.Errorf("bank genesis: %w", err)
	}
	usdcOut := CdpSeedPsm.Add(CdpSeedDexSide)
	found := false
	for i := range bankGen.Balances {
		if bankGen.Balances[i].Address != holder.String() {
			continue
		}
		found = true
		left, neg := bankGen.Balances[i].Coins.SafeSub(sdk.NewCoin("uusdc", usdcOut))
		if neg {
			return fmt.Errorf("cdp seed: %s holds %s, less than %suusdc", holder, bankGen.Balances[i].Coins, usdcOut)
		}
		bankGen.Balances[i].Coins = left
	}
	if !found {
		return fmt.Errorf("cdp seed: %s has no genesis balance", holder)
	}
	minted := sdk.NewCoin(cdptypes.StableDenom, CdpSeedPsm)
	kept := CdpSeedPsm.Sub(CdpSeedPool).Sub(CdpSeedDexSide)
	bankGen.Balances = addBalance(bankGen.Balances, authtypes.NewModuleAddress(cdptypes.ModuleName),
		sdk.NewCoins(sdk.NewCoin("uusdc", CdpSeedPsm), sdk.NewCoin(cdptypes.StableDenom, CdpSeedPool)))
	bankGen.Balances = addBalance(bankGen.Balances, authtypes.NewModuleAddress(dextypes.ModuleName), assets)
	bankGen.Balances = addBalance(bankGen.Balances, holder, sdk.NewCoins(sdk.NewCoin(cdptypes.StableDenom, kept), shares))
	if !bankGen.Supply.Empty() { // USDC only moved; AUSD and the LP shares are new
		bankGen.Supply = bankGen.Supply.Add(sdk.NewCoins(minted, shares)...)
	}
	gen[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)
	return nil
}
