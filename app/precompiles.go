package app

import (
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/vm"

	precompiletypes "github.com/cosmos/evm/precompiles/types"
	evmtypes "github.com/cosmos/evm/x/vm/types"

	dexprecompile "github.com/agora-labs/agora/precompiles/dex"
	lendprecompile "github.com/agora-labs/agora/precompiles/lend"
	oracleprecompile "github.com/agora-labs/agora/precompiles/oracle"
)

// Static precompiles (docs/contracts.md has the table):
//   - Ethereum's (Prague: 0x01–0x11), always on;
//   - cosmos/evm's p256 (0x100), bech32 (0x400), staking (0x800),
//     distribution (0x801), bank (0x804), gov (0x805), slashing (0x806) —
//     not ICS-20 (0x802): Agora has no IBC;
//   - Agora's oracle (0x900), dex (0x901) and lend (0x902).
//
// x/vm runs a cosmos/evm or Agora precompile only when its address is in
// the params' active_static_precompiles (ActiveStaticPrecompiles, the
// genesis default): governance can switch one off with MsgUpdateParams.

// ActiveStaticPrecompiles is the sorted list of the precompiles above that
// genesis activates.
func ActiveStaticPrecompiles() []string {
	out := []string{
		evmtypes.P256PrecompileAddress,
		evmtypes.Bech32PrecompileAddress,
		evmtypes.StakingPrecompileAddress,
		evmtypes.DistributionPrecompileAddress,
		evmtypes.BankPrecompileAddress,
		evmtypes.GovPrecompileAddress,
		evmtypes.SlashingPrecompileAddress,
		oracleprecompile.OracleAddress,
		dexprecompile.DexAddress,
		lendprecompile.LendAddress,
	}
	sort.Strings(out)
	return out
}

// staticPrecompiles builds every static precompile over the app's keepers.
// The precompiles that move coins see balances through x/precisebank (the
// EVM's 18-decimal AGR).
func (app *AgoraApp) staticPrecompiles() map[common.Address]vm.PrecompiledContract {
	bank := app.PreciseBankKeeper
	set := precompiletypes.NewStaticPrecompiles().
		WithPraguePrecompiles().
		WithP256Precompile().
		WithBech32Precompile().
		WithStakingPrecompile(*app.StakingKeeper, bank).
		WithDistributionPrecompile(app.DistrKeeper, *app.StakingKeeper, bank).
		WithBankPrecompile(bank, &app.Erc20Keeper).
		WithGovPrecompile(app.GovKeeper, bank, app.appCodec).
		WithSlashingPrecompile(app.SlashingKeeper, bank)

	oracle := oracleprecompile.NewPrecompile(app.OracleKeeper)
	set[oracle.Address()] = oracle
	dex := dexprecompile.NewPrecompile(app.DexKeeper, &app.CircuitKeeper, bank)
	set[dex.Address()] = dex
	lend := lendprecompile.NewPrecompile(app.LendKeeper, &app.CircuitKeeper, bank)
	set[lend.Address()] = lend
	return set
}
