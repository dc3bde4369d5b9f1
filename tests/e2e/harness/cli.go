package harness

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// CLI runs agorad with the given arguments against a node home (its
// client.toml points at the node's RPC and its test keyring). It returns
// stdout, and an error holding stderr when the command fails.
func CLI(bin, home string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append(args, "--home", home)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("agorad %s: %v: %s%s", strings.Join(args, " "), err, stderr.String(), stdout.String())
	}
	return stdout.String(), nil
}

// CLI runs agorad against this node.
func (node *Node) CLI(args ...string) (string, error) {
	return CLI(node.net.Bin, node.Home(), args...)
}

// QueryJSON runs a query against this node and decodes its JSON output.
func (node *Node) QueryJSON(t testing.TB, out any, args ...string) {
	t.Helper()
	if err := QueryJSON(node.net.Bin, node.Home(), out, args...); err != nil {
		t.Fatal(err)
	}
}

// QueryJSON runs a query with -o json and decodes it.
func QueryJSON(bin, home string, out any, args ...string) error {
	stdout, err := CLI(bin, home, append(args, "-o", "json")...)
	if err != nil {
		return err
	}
	if err := json.Unmarshal([]byte(stdout), out); err != nil {
		return fmt.Errorf("decode output of %v: %w\n%s", args, err, stdout)
	}
	return nil
}

// TxResult is what a committed (or rejected) transaction reports.
type TxResult struct {
	Hash      string `json:"txhash"`
	Code      uint32 `json:"code"`
	Codespace string `json:"codespace"`
	RawLog    string `json:"raw_log"`
	Height    string `json:"height"`
	GasUsed   string `json:"gas_used"`
}

// Tx broadcasts a transaction through the CLI, which waits until it is
// committed and prints its result (exiting non-zero when it failed), and
// returns that result. A tx rejected by CheckTx returns its CheckTx result
// (Height "0"). The error is for a CLI that printed no result at all.
func Tx(bin, home string, args ...string) (TxResult, error) {
	stdout, cliErr := CLI(bin, home, append(args, "--yes", "-o", "json")...)
	var res TxResult
	if err := json.Unmarshal([]byte(lastJSONLine(stdout)), &res); err != nil || res.Hash == "" {
		if cliErr != nil {
			return TxResult{}, cliErr
		}
		return TxResult{}, fmt.Errorf("decode tx response: %v\n%s", err, stdout)
	}
	if (res.Code != 0) != (cliErr != nil) {
		return res, fmt.Errorf("tx code %d but CLI exit error %v: a failed tx must exit non-zero, a committed one zero", res.Code, cliErr)
	}
	return res, nil
}

// WaitForTx polls until a tx is committed.
func WaitForTx(bin, home, hash string, timeout time.Duration) (TxResult, error) {
	deadline := time.Now().Add(timeout)
	for {
		var res TxResult
		err := QueryJSON(bin, home, &res, "q", "tx", hash)
		if err == nil {
			return res, nil
		}
		if time.Now().After(deadline) {
			return TxResult{}, fmt.Errorf("tx %s not committed within %s: %w", hash, timeout, err)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// Tx sends a tx from this node's home.
func (node *Node) Tx(t testing.TB, args ...string) TxResult {
	t.Helper()
	res, err := Tx(node.net.Bin, node.Home(), args...)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// lastJSONLine skips anything the CLI printed before its JSON answer
// (e.g. "gas estimate: …").
func lastJSONLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "{") {
			return lines[i]
		}
	}
	return s
}
