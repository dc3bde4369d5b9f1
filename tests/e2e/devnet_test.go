package e2e

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"

	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestDevnet runs `agorad devnet` as a user would: the banner, a bank send
// whose balances change by exactly the amount and fee, bad transactions
// that are rejected and change nothing, and a clean stop and resume.
func TestDevnet(t *testing.T) {
	skipInShortMode(t)
	home := t.TempDir()
	d := harness.StartDevnet(t, home)

	out := d.Output()
	for _, want := range []string{"agora-devnet-1", d.Ports.RPCURL(), d.Ports.APIURL(), d.Ports.GRPCAddr(), addr(t, "alice"), "tx bank send"} {
		if !strings.Contains(out, want) {
			t.Errorf("banner lacks %q:\n%s", want, out)
		}
	}

	// The devnet's node checks every invariant after every block (a broken
	// one halts it: app.TestBrokenInvariantHaltsTheBlock), so every test on
	// a devnet also asserts the invariants after each of its blocks.
	if toml, err := os.ReadFile(filepath.Join(home, "config", "app.toml")); err != nil || !strings.Contains(string(toml), "check-every-block = true") {
		t.Errorf("the devnet's app.toml does not turn on the invariant check (%v)", err)
	}

	alice, bob := addr(t, "alice"), addr(t, "bob")
	bal := func(who, denom string) sdkmath.Int {
		t.Helper()
		amt, err := harness.Balance(d.Bin, home, who, denom)
		if err != nil {
			t.Fatal(err)
		}
		return amt
	}

	t.Run("bank send moves exactly the amount and the fee", func(t *testing.T) {
		aliceBefore, bobBefore := bal(alice, "uagr"), bal(bob, "uagr")
		res, err := harness.Tx(d.Bin, home, "tx", "bank", "send", "alice", bob, "1000000uagr", "--fees", "5000uagr")
		if err != nil {
			t.Fatal(err)
		}
		if res.Code != 0 {
			t.Fatalf("send failed: code %d: %s", res.Code, res.RawLog)
		}
		if got, want := bal(bob, "uagr"), bobBefore.AddRaw(1_000_000); !got.Equal(want) {
			t.Errorf("bob has %s uagr, want %s", got, want)
		}
		if got, want := bal(alice, "uagr"), aliceBefore.SubRaw(1_005_000); !got.Equal(want) {
			t.Errorf("alice has %s uagr, want %s (amount + fee)", got, want)
		}
	})

	t.Run("bad transactions are rejected and change no balance", func(t *testing.T) {
		snapshot := func() [4]sdkmath.Int {
			return [4]sdkmath.Int{bal(alice, "uagr"), bal(alice, "ubtc"), bal(bob, "uagr"), bal(bob, "ubtc")}
		}
		expectUnchanged := func(t *testing.T, before [4]sdkmath.Int) {
			t.Helper()
			after := snapshot()
			for i := range before {
				if !before[i].Equal(after[i]) {
					t.Errorf("balance %d changed: %s -> %s", i, before[i], after[i])
				}
			}
		}
		rejected := func(t *testing.T, res harness.TxResult, err error, wantLog string) {
			t.Helper()
			if err != nil {
				if !strings.Contains(err.Error(), wantLog) {
					t.Fatalf("rejected with %v, want a message containing %q", err, wantLog)
				}
				return
			}
			if res.Code == 0 {
				t.Fatalf("tx was accepted, want rejection (%s)", wantLog)
			}
			if !strings.Contains(res.RawLog, wantLog) {
				t.Fatalf("rejected with %q, want a message containing %q", res.RawLog, wantLog)
			}
		}

		t.Run("wrong chain id", func(t *testing.T) {
			before := snapshot()
			res, err := harness.Tx(d.Bin, home, "tx", "bank", "send", "alice", bob, "1uagr", "--fees", "5000uagr", "--chain-id", "agora-wrong-9")
			rejected(t, res, err, "signature verification failed")
			expectUnchanged(t, before)
		})

		t.Run("insufficient fee", func(t *testing.T) {
			before := snapshot()
			res, err := harness.Tx(d.Bin, home, "tx", "bank", "send", "alice", bob, "1uagr", "--fees", "1uagr")
			rejected(t, res, err, "insufficient fee")
			expectUnchanged(t, before)
		})

		t.Run("bad signature", func(t *testing.T) {
			signed := signSend(t, d, home, bob, "7uagr")
			var tx map[string]any
			if err := json.Unmarshal(signed, &tx); err != nil {
				t.Fatal(err)
			}
			sigs := tx["signatures"].([]any)
			sig, _ := base64.StdEncoding.DecodeString(sigs[0].(string))
			sig[0] ^= 0xff
			sigs[0] = base64.StdEncoding.EncodeToString(sig)
			tampered, _ := json.Marshal(tx)
			file := filepath.Join(t.TempDir(), "tampered.json")
			if err := os.WriteFile(file, tampered, 0o600); err != nil {
				t.Fatal(err)
			}
			before := snapshot()
			res, err := harness.Tx(d.Bin, home, "tx", "broadcast", file)
			rejected(t, res, err, "signature verification failed")
			expectUnchanged(t, before)
		})

		t.Run("replayed transaction", func(t *testing.T) {
			// Two different sends signed at the same sequence: once the
			// first is committed, the second is a replay of its sequence.
			first := writeTemp(t, signSend(t, d, home, bob, "9uagr"))
			second := writeTemp(t, signSend(t, d, home, bob, "11uagr"))
			res, err := harness.Tx(d.Bin, home, "tx", "broadcast", first)
			if err != nil || res.Code != 0 {
				t.Fatalf("first broadcast: %v %+v", err, res)
			}
			before := snapshot()
			res, err = harness.Tx(d.Bin, home, "tx", "broadcast", second)
			rejected(t, res, err, "account sequence mismatch")
			// The very same bytes again are refused too.
			res, err = harness.Tx(d.Bin, home, "tx", "broadcast", first)
			if err == nil && res.Code == 0 {
				t.Fatal("rebroadcast of a committed tx was accepted")
			}
			expectUnchanged(t, before)
		})

		t.Run("send more than the balance", func(t *testing.T) {
			before := snapshot()
			over := before[1].AddRaw(1).String() + "ubtc"
			res, err := harness.Tx(d.Bin, home, "tx", "bank", "send", "alice", bob, over, "--fees", "5000uagr")
			rejected(t, res, err, "insufficient funds")
			after := snapshot()
			// Only the fee may move (when the tx fails in a block rather
			// than at admission): no ubtc moves and bob gets nothing.
			if !after[1].Equal(before[1]) || !after[2].Equal(before[2]) || !after[3].Equal(before[3]) {
				t.Errorf("balances moved: %v -> %v", before, after)
			}
			if spent := before[0].Sub(after[0]); !spent.IsZero() && !spent.Equal(sdkmath.NewInt(5000)) {
				t.Errorf("alice lost %s uagr, want 0 or the 5000 fee", spent)
			}
		})
	})

	t.Run("ctrl-c stops cleanly and the next run resumes", func(t *testing.T) {
		h := d.Height()
		bobBefore := bal(bob, "uagr")
		if err := d.Stop(30 * time.Second); err != nil {
			t.Fatalf("devnet did not stop cleanly: %v\n%s", err, d.Output())
		}
		d2 := harness.StartDevnet(t, home)
		if !strings.Contains(d2.Output(), "Resuming") {
			t.Errorf("second run did not resume:\n%s", d2.Output())
		}
		if got := d2.Height(); got < h {
			t.Errorf("resumed at height %d, below %d", got, h)
		}
		got, err := harness.Balance(d2.Bin, home, bob, "uagr")
		if err != nil {
			t.Fatal(err)
		}
		if !got.Equal(bobBefore) {
			t.Errorf("bob has %s uagr after resume, want %s", got, bobBefore)
		}
	})
}

// signSend builds and signs (but does not broadcast) a send from alice.
func signSend(t *testing.T, d *harness.Devnet, home, to, amount string) []byte {
	t.Helper()
	unsigned, err := d.CLI("tx", "bank", "send", "alice", to, amount, "--fees", "5000uagr", "--generate-only")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "unsigned.json")
	if err := os.WriteFile(file, []byte(unsigned), 0o600); err != nil {
		t.Fatal(err)
	}
	signed, err := d.CLI("tx", "sign", file, "--from", "alice")
	if err != nil {
		t.Fatal(err)
	}
	return []byte(signed)
}

func writeTemp(t *testing.T, content []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "tx.json")
	if err := os.WriteFile(file, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}
