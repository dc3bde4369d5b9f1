package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/agora-labs/agora/tests/e2e/harness"
)

// TestLoadgen runs `agorad loadgen` as docs/performance.md does, briefly:
// every tx it sends is committed and it reports a throughput.
func TestLoadgen(t *testing.T) {
	skipInShortMode(t)
	d := harness.StartDevnet(t, t.TempDir())
	for _, kind := range [][]string{
		{"--kind", "send"},
		{"--kind", "swap", "--route", "1:uagr", "--token-in", "1000000uusdc"},
		{"--kind", "swap", "--route", "1:uusdc,3:ueth", "--token-in", "1000000uagr"},
	} {
		args := append([]string{"loadgen", "--accounts", "5", "--txs", "60", "--from", "alice"}, kind...)
		out, err := d.CLI(args...)
		if err != nil {
			t.Fatalf("%v: %v", kind, err)
		}
		if !strings.Contains(out, "sent            60 (rejected at CheckTx 0, failed in block 0)") {
			t.Errorf("%v: not every tx was accepted:\n%s", kind, out)
		}
		if !regexp.MustCompile(`(?m)^committed\s+60 in \d+ blocks`).MatchString(out) {
			t.Errorf("%v: not every tx was committed:\n%s", kind, out)
		}
		m := regexp.MustCompile(`(?m)^throughput\s+([0-9.]+) committed tx/s`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("%v: no throughput in:\n%s", kind, out)
		}
		if tps, _ := strconv.ParseFloat(m[1], 64); tps <= 0 {
			t.Errorf("%v: throughput %s", kind, m[1])
		}
	}
}
