package loadgen

import (
	"bytes"
	"math/big"
	"os"
	"testing"

	"cosmossdk.io/log"
	sdkmath "cosmossdk.io/math"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/cosmos/cosmos-sdk/client"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"

	evmtypes "github.com/cosmos/evm/x/vm/types"

	"github.com/agora-labs/agora/app"
)

// appTxConfig is the node's tx encoding (a throwaway app, as agorad's CLI
// builds it).
func appTxConfig(t *testing.T) client.TxConfig {
	t.Helper()
	dir, err := os.MkdirTemp("", "loadgen-test")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return app.NewAgoraApp(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.NewAppOptionsWithFlagHome(dir)).TxConfig()
}

// An Ethereum tx signed by the generator decodes, as the node decodes it,
// into one MsgEthereumTx marked with the Ethereum extension option, signed
// by the account for the chain id, at the account's nonce, with the fee
// the node expects (gas limit × fee cap, in aagr); the nonce advances.
func TestSignEthTxEncodesWhatTheNodeExpects(t *testing.T) {
	txConfig := appTxConfig(t)
	accs, err := newEthAccounts("unit", 2)
	if err != nil {
		t.Fatal(err)
	}
	a := accs[0]
	a.nextSeq = 7
	if a.addr.String() != sdk.AccAddress(a.eth.Bytes()).String() || a.eth == accs[1].eth {
		t.Fatal("account forms disagree or keys repeat")
	}
	w := ERC20Transfer{Token: app.ERC20Address("uusdc"), Denom: "uusdc", Amount: sdkmath.OneInt()}
	to, data, err := w.Call(a.eth, []common.Address{a.eth, accs[1].eth}, 0)
	if err != nil {
		t.Fatal(err)
	}
	fees := ethFees{feeCap: big.NewInt(50_000_000_000), tipCap: big.NewInt(0)}
	chainID := big.NewInt(int64(app.DevnetEVMChainID))
	bz, hash, err := signEthTx(txConfig, chainID, a, w.GasLimit(), fees, to, data)
	if err != nil {
		t.Fatal(err)
	}
	if a.nextSeq != 8 {
		t.Errorf("nonce advanced to %d, want 8", a.nextSeq)
	}

	decoded, err := txConfig.TxDecoder()(bz)
	if err != nil {
		t.Fatalf("node cannot decode: %v", err)
	}
	opts := decoded.(ante.HasExtensionOptionsTx).GetExtensionOptions()
	if len(opts) != 1 || opts[0].GetTypeUrl() != "/cosmos.evm.vm.v1.ExtensionOptionsEthereumTx" {
		t.Fatalf("extension options %v", opts)
	}
	msgs := decoded.GetMsgs()
	if len(msgs) != 1 {
		t.Fatalf("%d msgs", len(msgs))
	}
	msg, ok := msgs[0].(*evmtypes.MsgEthereumTx)
	if !ok {
		t.Fatalf("msg is %T", msgs[0])
	}
	etx := msg.AsTransaction()
	if etx.Hash() != hash || etx.ChainId().Cmp(chainID) != 0 || etx.Nonce() != 7 || *etx.To() != w.Token ||
		etx.Gas() != w.GasLimit() || etx.GasFeeCap().Cmp(fees.feeCap) != 0 || etx.Type() != ethtypes.DynamicFeeTxType {
		t.Fatalf("tx %+v", etx)
	}
	if !bytes.Equal(msg.From, a.eth.Bytes()) {
		t.Errorf("from %x, want %s", msg.From, a.eth)
	}
	sender, err := ethtypes.Sender(ethtypes.LatestSignerForChainID(chainID), etx)
	if err != nil || sender != a.eth {
		t.Errorf("recovered %s (%v), want %s", sender, err, a.eth)
	}
	if s, err := ethtypes.Sender(ethtypes.LatestSignerForChainID(big.NewInt(1)), etx); err == nil && s == a.eth {
		t.Error("the signature also holds for chain id 1")
	}
	wantFee := new(big.Int).Mul(big.NewInt(int64(w.GasLimit())), fees.feeCap)
	fee := decoded.(sdk.FeeTx).GetFee()
	if !fee.Equal(sdk.NewCoins(sdk.NewCoin("aagr", sdkmath.NewIntFromBigInt(wantFee)))) {
		t.Errorf("fee %s, want %saagr", fee, wantFee)
	}
	if decoded.(sdk.FeeTx).GetGas() != w.GasLimit() {
		t.Errorf("gas %d", decoded.(sdk.FeeTx).GetGas())
	}
	args, err := callABI.Methods["transfer"].Inputs.Unpack(etx.Data()[4:])
	if err != nil || !bytes.Equal(etx.Data()[:4], callABI.Methods["transfer"].ID) {
		t.Fatalf("calldata %x: %v", etx.Data(), err)
	}
	if args[0].(common.Address) != accs[1].eth || args[1].(*big.Int).Cmp(big.NewInt(1)) != 0 {
		t.Errorf("transfer%v, want (%s, 1): never to the sender itself", args, accs[1].eth)
	}
}

func TestEVMSwapCalldata(t *testing.T) {
	addr := common.HexToAddress("0x0000000000000000000000000000000000000901")
	w, err := NewEVMSwap(addr, "1:uagr,3:ueth", sdk.NewInt64Coin("uusdc", 1_000_000))
	if err != nil {
		t.Fatal(err)
	}
	to, data, err := w.Call(common.Address{}, nil, 0)
	if err != nil || to != addr {
		t.Fatalf("to %s: %v", to, err)
	}
	m := callABI.Methods["swapExactIn"]
	if m.Sig != "swapExactIn((uint64,string)[],string,uint256,uint256,uint64)" || !bytes.Equal(data[:4], m.ID) {
		t.Fatalf("selector of %s", m.Sig)
	}
	args, err := m.Inputs.Unpack(data[4:])
	if err != nil {
		t.Fatal(err)
	}
	route := args[0].([]struct {
		PoolId   uint64 `json:"poolId"`
		DenomOut string `json:"denomOut"`
	})
	if len(route) != 2 || route[0].PoolId != 1 || route[0].DenomOut != "uagr" || route[1].PoolId != 3 || route[1].DenomOut != "ueth" {
		t.Errorf("route %+v", route)
	}
	if args[1].(string) != "uusdc" || args[2].(*big.Int).Int64() != 1_000_000 || args[3].(*big.Int).Int64() != 1 || args[4].(uint64) != 0 {
		t.Errorf("args %v", args[1:])
	}
	if w.GasLimit() != 260_000 {
		t.Errorf("gas limit %d for two hops", w.GasLimit())
	}
	if _, err := NewEVMSwap(addr, "x:uagr", sdk.NewInt64Coin("uusdc", 1)); err == nil {
		t.Error("bad route accepted")
	}
}

// Gas is funded rounded up: an account can always pay its txs' maximum.
func TestEVMGasCostRoundsUp(t *testing.T) {
	cfg := Config{GasPrice: sdkmath.LegacyMustNewDecFromStr("0.025")}
	fees, err := EVMFees(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if fees.feeCap.Cmp(big.NewInt(50_000_000_000)) != 0 || fees.tipCap.Sign() != 0 {
		t.Fatalf("fee cap %s tip %s, want 50 gwei and 0", fees.feeCap, fees.tipCap)
	}
	if got := maxGasCostUagr(60_000, fees.feeCap); !got.Equal(sdk.NewCoins(sdk.NewInt64Coin("uagr", 3000))) {
		t.Errorf("60000 gas at 50 gwei = %s, want 3000uagr", got)
	}
	if got := maxGasCostUagr(1, big.NewInt(1)); !got.Equal(sdk.NewCoins(sdk.NewInt64Coin("uagr", 1))) {
		t.Errorf("1 wei = %s, want 1uagr", got)
	}
	if _, err := EVMFees(Config{GasPrice: sdkmath.LegacyZeroDec()}); err == nil {
		t.Error("zero gas price accepted")
	}
}
