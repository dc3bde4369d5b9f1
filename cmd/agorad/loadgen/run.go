package loadgen

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// Config is one load-generator run.
type Config struct {
	// From is the funded key (in the client context's keyring) that pays
	// for the generator's accounts.
	From     string
	Accounts int
	Txs      int
	Seed     string
	// GasPrice in uagr per unit of gas.
	GasPrice sdkmath.LegacyDec
	// Timeout bounds the wait for inclusion after the last broadcast.
	Timeout time.Duration
	// MaxPending caps the txs broadcast but not yet seen in a block.
	MaxPending int
	Log        io.Writer
}

// Run funds the accounts, pre-signs the txs, broadcasts them and measures
// their inclusion.
func Run(ctx context.Context, clientCtx client.Context, cfg Config, build func(ring []sdk.AccAddress) Workload) (Report, error) {
	if cfg.Accounts < 2 || cfg.Txs < 1 || cfg.MaxPending < 1 {
		return Report{}, errors.New("need at least 2 accounts, 1 tx and 1 pending tx")
	}
	kr, accs, err := newAccounts(clientCtx.Codec, cfg.Seed, cfg.Accounts)
	if err != nil {
		return Report{}, err
	}
	ring := make([]sdk.AccAddress, len(accs))
	for i, a := range accs {
		ring[i] = a.addr
	}
	w := build(ring)
	perAccount := (cfg.Txs + cfg.Accounts - 1) / cfg.Accounts

	fmt.Fprintf(cfg.Log, "funding %d accounts from %s ...\n", cfg.Accounts, cfg.From)
	fee := feeFor(w.GasLimit(), cfg.GasPrice)
	need := sdk.NewCoins(fee...)
	for i := 0; i < perAccount; i++ {
		need = need.Add(fee...).Add(w.FundsPerTx()...)
	}
	if err := fund(ctx, clientCtx, cfg, accs, need); err != nil {
		return Report{}, fmt.Errorf("funding: %w", err)
	}
	for _, a := range accs {
		num, seq, err := authtypes.AccountRetriever{}.GetAccountNumberSequence(clientCtx, a.addr)
		if err != nil {
			return Report{}, fmt.Errorf("account %s: %w", a.addr, err)
		}
		a.number, a.nextSeq = num, seq
	}

	fmt.Fprintf(cfg.Log, "signing %d %s txs ...\n", cfg.Txs, w.Name())
	signed := make([][][]byte, len(accs))
	for n := 0; n < cfg.Txs; n++ {
		a := accs[n%len(accs)]
		bz, err := sign(clientCtx, kr, a, w.GasLimit(), fee, w.Msgs(a.addr, n/len(accs))...)
		if err != nil {
			return Report{}, err
		}
		signed[n%len(accs)] = append(signed[n%len(accs)], bz)
	}

	fmt.Fprintf(cfg.Log, "broadcasting ...\n")
	return broadcastAndWatch(ctx, clientCtx, cfg, w.Name(), signed)
}

func feeFor(gas uint64, price sdkmath.LegacyDec) sdk.Coins {
	amt := price.MulInt64(int64(gas)).Ceil().TruncateInt()
	return sdk.NewCoins(sdk.NewCoin("uagr", amt))
}

// fund sends `need` to every account in one multi-send from cfg.From and
// waits for it to be committed.
func fund(ctx context.Context, clientCtx client.Context, cfg Config, accs []*account, need sdk.Coins) error {
	rec, err := clientCtx.Keyring.Key(cfg.From)
	if err != nil {
		return fmt.Errorf("key %q: %w", cfg.From, err)
	}
	from, err := rec.GetAddress()
	if err != nil {
		return err
	}
	outputs := make([]banktypes.Output, len(accs))
	total := sdk.NewCoins()
	for i, a := range accs {
		outputs[i] = banktypes.NewOutput(a.addr, need)
		total = total.Add(need...)
	}
	msg := banktypes.NewMsgMultiSend(banktypes.NewInput(from, total), outputs)
	num, seq, err := authtypes.AccountRetriever{}.GetAccountNumberSequence(clientCtx, from)
	if err != nil {
		return err
	}
	gas := uint64(150_000 + 40_000*len(accs))
	funder := &account{name: cfg.From, addr: from, number: num, nextSeq: seq}
	bz, err := sign(clientCtx, clientCtx.Keyring, funder, gas, feeFor(gas, cfg.GasPrice), msg)
	if err != nil {
		return err
	}
	res, err := clientCtx.Client.BroadcastTxSync(ctx, bz)
	if err != nil {
		return err
	}
	if res.Code != 0 {
		return fmt.Errorf("multi-send rejected: %s", res.Log)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if r, err := clientCtx.Client.Tx(ctx, res.Hash, false); err == nil {
			if r.TxResult.Code != 0 {
				return fmt.Errorf("multi-send failed: %s", r.TxResult.Log)
			}
			return nil
		}
		time.Sleep(300 * time.Millisecond)
	}
	return errors.New("multi-send not committed within 60s")
}

// sign signs msgs for an account at its next sequence and advances it.
func sign(clientCtx client.Context, kr keyring.Keyring, a *account, gas uint64, fee sdk.Coins, msgs ...sdk.Msg) ([]byte, error) {
	f := tx.Factory{}.
		WithChainID(clientCtx.ChainID).
		WithKeybase(kr).
		WithTxConfig(clientCtx.TxConfig).
		WithAccountNumber(a.number).
		WithSequence(a.nextSeq).
		WithGas(gas).
		WithFees(fee.String()).
		WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
	builder, err := f.BuildUnsignedTx(msgs...)
	if err != nil {
		return nil, err
	}
	if err := tx.Sign(context.Background(), f, a.name, builder, true); err != nil {
		return nil, err
	}
	a.nextSeq++
	return clientCtx.TxConfig.TxEncoder()(builder.GetTx())
}

// broadcastAndWatch sends each account's txs in order (one stream per
// account) while a watcher reads every new block for their inclusion. The
// watcher reads only blocks (their tx lists) while the load runs; the
// results (codes, gas) are read once it is over, so that watching costs the
// node as little as possible.
func broadcastAndWatch(ctx context.Context, clientCtx client.Context, cfg Config, name string, signed [][][]byte) (Report, error) {
	r := &loadRun{clientCtx: clientCtx, cfg: cfg, inFlight: map[string]time.Time{}}
	r.rep = Report{Workload: name, Accounts: len(signed)}
	status, err := clientCtx.Client.Status(ctx)
	if err != nil {
		return r.rep, err
	}
	broadcastDone := r.broadcastAll(ctx, signed)
	included, watchErr := r.watchInclusion(ctx, status.SyncInfo.LatestBlockHeight, broadcastDone)
	if ctx.Err() != nil {
		return r.rep, ctx.Err()
	}
	// Tally what was included even when some txs never were: a run that
	// times out must still say which of its txs failed in a block.
	last, err := r.tallyResults(ctx, included)
	if err != nil {
		return r.rep, err
	}
	r.rep.Duration = last.Sub(r.first)
	return r.rep, watchErr
}

// loadRun is the state shared by the broadcasters and the watcher.
type loadRun struct {
	clientCtx client.Context
	cfg       Config

	mu       sync.Mutex
	inFlight map[string]time.Time // hash -> when it was sent, until included
	first    time.Time            // first broadcast
	rep      Report
}

// inclusion is where and when a tx of ours was seen in a block.
type inclusion struct {
	height  int64
	latency time.Duration
	at      time.Time
}

// broadcastAll starts one broadcaster per account; the channel is closed
// when every tx has been sent.
func (r *loadRun) broadcastAll(ctx context.Context, signed [][][]byte) <-chan struct{} {
	var wg sync.WaitGroup
	for _, txs := range signed {
		wg.Add(1)
		go func(txs [][]byte) {
			defer wg.Done()
			for _, bz := range txs {
				r.broadcastOne(ctx, bz)
			}
		}(txs)
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	return done
}

// broadcastOne sends one tx once fewer than MaxPending are unconfirmed
// (below the node's mempool size, so the load is sustained, not refused).
func (r *loadRun) broadcastOne(ctx context.Context, bz []byte) {
	hash := txHash(bz)
	for {
		r.mu.Lock()
		n := len(r.inFlight)
		r.mu.Unlock()
		if n < r.cfg.MaxPending || ctx.Err() != nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	now := time.Now()
	r.mu.Lock()
	if r.first.IsZero() {
		r.first = now
	}
	r.inFlight[hash] = now
	r.rep.Sent++
	r.mu.Unlock()
	res, err := r.clientCtx.Client.BroadcastTxSync(ctx, bz)
	if err == nil && res.Code == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.inFlight, hash)
	r.rep.Rejected++
	if r.rep.FirstErr == "" {
		if err != nil {
			r.rep.FirstErr = err.Error()
		} else {
			r.rep.FirstErr = res.Log
		}
	}
}

// watchInclusion reads every block after height until each broadcast tx
// has been included (or cfg.Timeout after the last broadcast).
func (r *loadRun) watchInclusion(ctx context.Context, height int64, broadcastDone <-chan struct{}) (map[string]inclusion, error) {
	included := map[string]inclusion{}
	var deadline <-chan time.Time
	for {
		height = r.readNewBlocks(ctx, height, included)
		select {
		case <-broadcastDone:
			broadcastDone = nil
			deadline = time.After(r.cfg.Timeout)
		default:
		}
		r.mu.Lock()
		remaining := len(r.inFlight)
		r.mu.Unlock()
		if broadcastDone == nil && remaining == 0 {
			return included, nil
		}
		select {
		case <-deadline:
			return included, fmt.Errorf("%d txs not included within %s of the last broadcast", remaining, r.cfg.Timeout)
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// readNewBlocks records our txs in the blocks after height and returns the
// last block read.
func (r *loadRun) readNewBlocks(ctx context.Context, height int64, included map[string]inclusion) int64 {
	st, err := r.clientCtx.Client.Status(ctx)
	if err != nil {
		return height
	}
	for h := height + 1; h <= st.SyncInfo.LatestBlockHeight; h++ {
		block, err := r.clientCtx.Client.Block(ctx, &h)
		if err != nil {
			break // read it again on the next poll
		}
		height = h
		now := time.Now()
		r.mu.Lock()
		for _, bz := range block.Block.Txs {
			hash := txHash(bz)
			if sent, ok := r.inFlight[hash]; ok {
				delete(r.inFlight, hash)
				included[hash] = inclusion{height: h, latency: now.Sub(sent), at: now}
			}
		}
		r.mu.Unlock()
	}
	return height
}

// tallyResults reads each block's results once the load is over: which
// txs succeeded, and their gas. It returns when the last committed tx was
// seen.
func (r *loadRun) tallyResults(ctx context.Context, included map[string]inclusion) (time.Time, error) {
	heights := map[int64]bool{}
	for _, inc := range included {
		heights[inc.height] = true
	}
	var last time.Time
	firstFailedAt := int64(0)
	for h := range heights {
		results, err := readResultsPatiently(ctx, r.clientCtx, h)
		if err != nil {
			return last, err
		}
		blockCounted := false
		for hash, res := range results {
			inc, ok := included[hash]
			if !ok {
				continue
			}
			if res.code != 0 {
				r.rep.Failed++
				if firstFailedAt == 0 || inc.height < firstFailedAt {
					firstFailedAt = inc.height
					r.rep.FirstFailure = fmt.Sprintf("height %d: %s", inc.height, res.log)
				}
				continue
			}
			r.rep.Committed++
			r.rep.Latencies = append(r.rep.Latencies, inc.latency)
			r.rep.GasUsed = append(r.rep.GasUsed, res.gasUsed)
			if inc.at.After(last) {
				last = inc.at
			}
			if !blockCounted {
				r.rep.Blocks++
				blockCounted = true
			}
		}
	}
	return last, nil
}

// readResultsPatiently is readResults, retried for a few seconds: the node
// may report a block before it has stored the block's results.
func readResultsPatiently(ctx context.Context, clientCtx client.Context, h int64) (map[string]txResult, error) {
	results, err := readResults(ctx, clientCtx, h)
	for try := 0; err != nil && try < 20; try++ {
		time.Sleep(250 * time.Millisecond)
		results, err = readResults(ctx, clientCtx, h)
	}
	return results, err
}

type txResult struct {
	code    uint32
	log     string
	gasUsed int64
}

// readResults maps each tx hash of block h to its result.
func readResults(ctx context.Context, clientCtx client.Context, h int64) (map[string]txResult, error) {
	block, err := clientCtx.Client.Block(ctx, &h)
	if err != nil {
		return nil, err
	}
	results, err := clientCtx.Client.BlockResults(ctx, &h)
	if err != nil {
		return nil, err
	}
	out := make(map[string]txResult, len(block.Block.Txs))
	for i, bz := range block.Block.Txs {
		if i < len(results.TxsResults) {
			r := results.TxsResults[i]
			out[txHash(bz)] = txResult{code: r.Code, log: r.Log, gasUsed: r.GasUsed}
		}
	}
	return out, nil
}

func txHash(bz []byte) string {
	h := sha256.Sum256(bz)
	return strings.ToUpper(hex.EncodeToString(h[:]))
}
