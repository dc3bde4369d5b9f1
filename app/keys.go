package app

import (
	storetypes "cosmossdk.io/store/types"
	evidencetypes "cosmossdk.io/x/evidence/types"
	upgradetypes "cosmossdk.io/x/upgrade/types"

	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/cosmos-sdk/x/group"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	oracletypes "github.com/agora-labs/agora/x/oracle/types"

	dextypes "github.com/agora-labs/agora/x/dex/types"

	lendtypes "github.com/agora-labs/agora/x/lend/types"

	incentivestypes "github.com/agora-labs/agora/x/incentives/types"
	margintypes "github.com/agora-labs/agora/x/margin/types"

	cdptypes "github.com/agora-labs/agora/x/cdp/types"
	synthtypes "github.com/agora-labs/agora/x/synth/types"

	forumtypes "github.com/agora-labs/agora/x/forum/types"

	circuittypes "cosmossdk.io/x/circuit/types"

	timelocktypes "github.com/agora-labs/agora/x/timelock/types"

	"github.com/cosmos/evm/utils"
	erc20types "github.com/cosmos/evm/x/erc20/types"
	feemarkettypes "github.com/cosmos/evm/x/feemarket/types"
	precisebanktypes "github.com/cosmos/evm/x/precisebank/types"
	evmtypes "github.com/cosmos/evm/x/vm/types"
	corevm "github.com/ethereum/go-ethereum/core/vm"
)

// evmPrecompileAddresses are the bech32 forms of every precompile address:
// Ethereum's (as of Prague) and the static ones cosmos/evm can activate.
func evmPrecompileAddresses() []string {
	hexes := append([]string(nil), evmtypes.AvailableStaticPrecompiles...)
	for _, a := range corevm.PrecompiledAddressesPrague {
		hexes = append(hexes, a.Hex())
	}
	out := make([]string, 0, len(hexes))
	for _, h := range hexes {
		out = append(out, utils.Bech32StringFromHexAddress(h))
	}
	return out
}

// storeKeys lists every module's persistent store. A module that keeps
// state adds its key here.
func storeKeys() map[string]*storetypes.KVStoreKey {
	return storetypes.NewKVStoreKeys(
		authtypes.StoreKey,
		banktypes.StoreKey,
		stakingtypes.StoreKey,
		minttypes.StoreKey,
		distrtypes.StoreKey,
		slashingtypes.StoreKey,
		govtypes.StoreKey,
		consensustypes.StoreKey,
		upgradetypes.StoreKey,
		evidencetypes.StoreKey,
		oracletypes.StoreKey,
		dextypes.StoreKey,
		lendtypes.StoreKey,
		margintypes.StoreKey,
		incentivestypes.StoreKey,
		cdptypes.StoreKey,
		synthtypes.StoreKey,
		forumtypes.StoreKey,
		circuittypes.StoreKey,
		timelocktypes.StoreKey,
		group.StoreKey,
		evmtypes.StoreKey,
		feemarkettypes.StoreKey,
		erc20types.StoreKey,
		precisebanktypes.StoreKey,
	)
}

// moduleAccountPermissions names each module account and what it may do
// with coins.
var moduleAccountPermissions = map[string][]string{
	authtypes.FeeCollectorName:     nil,
	distrtypes.ModuleName:          nil,
	minttypes.ModuleName:           {authtypes.Minter},
	stakingtypes.BondedPoolName:    {authtypes.Burner, authtypes.Staking},
	stakingtypes.NotBondedPoolName: {authtypes.Burner, authtypes.Staking},
	govtypes.ModuleName:            {authtypes.Burner},
	dextypes.ModuleName:            {authtypes.Minter, authtypes.Burner},
	lendtypes.ModuleName:           {authtypes.Minter, authtypes.Burner},
	margintypes.ModuleName:         nil,
	incentivestypes.ModuleName:     nil,
	cdptypes.ModuleName:            {authtypes.Minter, authtypes.Burner},
	synthtypes.ModuleName:          {authtypes.Minter, authtypes.Burner},
	// The timelock signs what it executes and holds nothing.
	timelocktypes.ModuleName: nil,
	// The EVM: x/vm mints and burns AGR for EVM value transfers and fees,
	// x/erc20 converts coins to and from ERC-20 tokens, x/precisebank holds
	// the uagr that backs the fractional (below 1 uagr) EVM balances.
	evmtypes.ModuleName:         {authtypes.Minter, authtypes.Burner},
	feemarkettypes.ModuleName:   nil,
	erc20types.ModuleName:       {authtypes.Minter, authtypes.Burner},
	precisebanktypes.ModuleName: {authtypes.Minter, authtypes.Burner},
}

// ModuleAccountPermissions returns a copy of the module account permissions.
func ModuleAccountPermissions() map[string][]string {
	out := make(map[string][]string, len(moduleAccountPermissions))
	for k, v := range moduleAccountPermissions {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// BlockedAddresses are the module accounts that may not receive coins by a
// plain bank send. The gov account may: it receives deposits.
func BlockedAddresses() map[string]bool {
	blocked := make(map[string]bool)
	for name := range moduleAccountPermissions {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	delete(blocked, authtypes.NewModuleAddress(govtypes.ModuleName).String())
	// x/incentives receives the emissions through distribution's
	// DistributeFromFeePool (a module-to-account send); extra coins sent to
	// it only add to its balance.
	delete(blocked, authtypes.NewModuleAddress(incentivestypes.ModuleName).String())
	// The EVM's precompiled contracts (Ethereum's and cosmos/evm's) live
	// at fixed addresses no one holds a key for: coins sent there are lost.
	for _, addr := range evmPrecompileAddresses() {
		blocked[addr] = true
	}
	return blocked
}
