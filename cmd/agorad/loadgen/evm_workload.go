package loadgen

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// EVMWorkload is one kind of Ethereum transaction the generator sends: a
// call with no value from each account.
type EVMWorkload interface {
	// Name names the workload in the report.
	Name() string
	// FundsPerTx is what an account needs in bank coins, beside gas, for
	// one tx.
	FundsPerTx() sdk.Coins
	// Call is the target and calldata of the i-th tx an account sends.
	Call(from common.Address, ring []common.Address, i int) (common.Address, []byte, error)
	// GasLimit is the gas limit each tx sets.
	GasLimit() uint64
}

// callABI holds the two functions the EVM workloads call: an ERC-20's
// transfer and the dex precompile's swapExactIn (contracts/precompiles/IAgoraDex.sol).
var callABI = mustABI(`[
 {"type":"function","name":"transfer","stateMutability":"nonpayable",
  "inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],
  "outputs":[{"name":"","type":"bool"}]},
 {"type":"function","name":"swapExactIn","stateMutability":"nonpayable",
  "inputs":[{"name":"route","type":"tuple[]","components":[{"name":"poolId","type":"uint64"},{"name":"denomOut","type":"string"}]},
   {"name":"denomIn","type":"string"},{"name":"amountIn","type":"uint256"},{"name":"minOut","type":"uint256"},{"name":"deadline","type":"uint64"}],
  "outputs":[{"name":"orderId","type":"uint64"},{"name":"estimatedOut","type":"uint256"}]}
]`)

func mustABI(s string) abi.ABI {
	a, err := abi.JSON(strings.NewReader(s))
	if err != nil {
		panic(err)
	}
	return a
}

// ERC20Transfer calls transfer(next account in the ring, Amount) on the
// ERC-20 at Token: a bank denom's native token pair (x/erc20), so the
// transfer moves the bank coin Denom itself.
type ERC20Transfer struct {
	Token  common.Address
	Denom  string
	Amount sdkmath.Int
}

func (w ERC20Transfer) Name() string {
	return fmt.Sprintf("EVM ERC-20 transfer %s%s (token %s)", w.Amount, w.Denom, w.Token.Hex())
}

func (w ERC20Transfer) FundsPerTx() sdk.Coins { return sdk.NewCoins(sdk.NewCoin(w.Denom, w.Amount)) }

func (w ERC20Transfer) Call(from common.Address, ring []common.Address, i int) (common.Address, []byte, error) {
	to := ring[i%len(ring)]
	if to == from {
		to = ring[(i+1)%len(ring)]
	}
	data, err := callABI.Pack("transfer", to, w.Amount.BigInt())
	return w.Token, data, err
}

// GasLimit: a native-pair transfer uses about 30k gas (eth_estimateGas on
// the devnet: 30,356); the limit stays below twice that, for the same
// reason as EVMSwap's.
func (ERC20Transfer) GasLimit() uint64 { return 60_000 }

// dexHop is IAgoraDex.Hop as the ABI packer reads it.
type dexHop struct {
	PoolId   uint64 //nolint:revive,stylecheck // matches the ABI field poolId
	DenomOut string
}

// EVMSwap calls the dex precompile's swapExactIn(route, TokenIn, min_out
// 1, no deadline) from each account.
type EVMSwap struct {
	Precompile common.Address
	Route      []dexHop
	TokenIn    sdk.Coin
}

// NewEVMSwap is the swap along route ("1:uagr" as ParseRoute reads it)
// through the dex precompile at addr.
func NewEVMSwap(addr common.Address, route string, tokenIn sdk.Coin) (EVMSwap, error) {
	hops, err := ParseRoute(route)
	if err != nil {
		return EVMSwap{}, err
	}
	w := EVMSwap{Precompile: addr, TokenIn: tokenIn}
	for _, h := range hops {
		w.Route = append(w.Route, dexHop{PoolId: h.PoolId, DenomOut: h.DenomOut})
	}
	return w, nil
}

func (w EVMSwap) Name() string {
	hops := make([]string, len(w.Route))
	for i, h := range w.Route {
		hops[i] = fmt.Sprintf("pool %d → %s", h.PoolId, h.DenomOut)
	}
	return fmt.Sprintf("EVM dex-precompile swapExactIn %s: %s", w.TokenIn, strings.Join(hops, ", "))
}

func (w EVMSwap) FundsPerTx() sdk.Coins { return sdk.NewCoins(w.TokenIn) }

func (w EVMSwap) Call(_ common.Address, _ []common.Address, _ int) (common.Address, []byte, error) {
	data, err := callABI.Pack("swapExactIn", w.Route, w.TokenIn.Denom, w.TokenIn.Amount.BigInt(), big.NewInt(1), uint64(0))
	return w.Precompile, data, err
}

// GasLimit allows 100k gas per hop on top of 60k: eth_estimateGas gives
// 106,360 for a one-hop swap on the devnet. The limit stays below twice the
// use, so that x/feemarket's floor (half the limit is charged at least)
// does not hide the gas the swap really uses.
func (w EVMSwap) GasLimit() uint64 { return 60_000 + 100_000*uint64(len(w.Route)) }

func sdkIntFromBig(b *big.Int) sdkmath.Int { return sdkmath.NewIntFromBigInt(b) }
