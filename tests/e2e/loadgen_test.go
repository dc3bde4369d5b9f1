package e2e

import (
	"fmt"
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
	for _, c := range []struct {
		txs  int
		kind []string
	}{
		{60, []string{"--kind", "send"}},
		{60, []string{"--kind", "swap", "--route", "1:uagr", "--token-in", "1000000uusdc"}},
		{60, []string{"--kind", "swap", "--route", "1:uusdc,3:ueth", "--token-in", "1000000uagr"}},
		// Ethereum txs (issue 17): ERC-20 transfers of uusdc's native pair
		// and swaps through the dex precompile, signed for chain id 24672.
		{20, []string{"--kind", "erc20", "--denom", "uusdc"}},
		{20, []string{"--kind", "evm-swap", "--route", "1:uagr", "--token-in", "1000000uusdc"}},
	} {
		kind, n := c.kind, c.txs
		args := append([]string{"loadgen", "--accounts", "5", "--txs", strconv.Itoa(n), "--from", "alice"}, kind...)
		out, err := d.CLI(args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", kind, err, out)
		}
		if !strings.Contains(out, fmt.Sprintf("sent            %d (rejected at CheckTx 0, failed in block 0)", n)) {
			t.Errorf("%v: not every tx was accepted:\n%s", kind, out)
		}
		if !regexp.MustCompile(fmt.Sprintf(`(?m)^committed\s+%d in \d+ blocks`, n)).MatchString(out) {
			t.Errorf("%v: not every tx was committed:\n%s", kind, out)
		}
		m := regexp.MustCompile(`(?m)^throughput\s+([0-9.]+) committed tx/s`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("%v: no throughput in:\n%s", kind, out)
		}
		if tps, _ := strconv.ParseFloat(m[1], 64); tps <= 0 {
			t.Errorf("%v: throughput %s", kind, m[1])
		}
		g := regexp.MustCompile(`(?m)^gas used \(mean\) (\d+)`).FindStringSubmatch(out)
		if g == nil || g[1] == "0" {
			t.Errorf("%v: no gas used in:\n%s", kind, out)
		}
	}
}
