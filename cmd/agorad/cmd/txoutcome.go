package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
)

// Most bad input passes CheckTx and fails when the block executes it, so
// the broadcast answer ("code: 0" and a hash) says nothing about the
// outcome. Every `agorad tx ...` command that broadcasts therefore waits
// for the transaction to be committed and prints its result; a failed
// transaction (in CheckTx or in the block) exits non-zero with the module's
// message in one line.
const (
	flagNoWait      = "no-wait"
	flagWaitTimeout = "wait-timeout"
)

// defaultWaitTimeout is how long a tx command waits for its transaction to
// be committed.
const defaultWaitTimeout = 60 * time.Second

// showTxOutcome wraps every command under tx (autocli's included) so that
// it reports the committed outcome. Commands that do not broadcast
// (--generate-only, --dry-run, --offline, sign, encode, ...) are unchanged.
func showTxOutcome(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Name() != "tx" {
			continue
		}
		c.PersistentFlags().Bool(flagNoWait, false, "print the broadcast answer only; do not wait for the transaction's committed result")
		c.PersistentFlags().Duration(flagWaitTimeout, defaultWaitTimeout, "how long to wait for the transaction to be committed")
		wrapBroadcasters(c)
	}
}

func wrapBroadcasters(c *cobra.Command) {
	for _, sub := range c.Commands() {
		wrapBroadcasters(sub)
	}
	if c.RunE == nil || c.Flags().Lookup(flags.FlagBroadcastMode) == nil {
		return
	}
	run := c.RunE
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if !broadcasts(cmd) {
			return run(cmd, args)
		}
		return runAndReport(cmd, args, run)
	}
}

// broadcasts tells whether the command, with its flags, sends a tx to a node.
func broadcasts(cmd *cobra.Command) bool {
	for _, name := range []string{flags.FlagGenerateOnly, flags.FlagDryRun, flags.FlagOffline, flagNoWait} {
		if on, err := cmd.Flags().GetBool(name); err == nil && on {
			return false
		}
	}
	return true
}

// runAndReport runs the command with its output captured (and, when it
// asks for confirmation, also shown), then reports the tx's outcome.
func runAndReport(cmd *cobra.Command, args []string, run func(*cobra.Command, []string) error) error {
	out := cmd.OutOrStdout()
	var captured bytes.Buffer
	var sink io.Writer = &captured
	if yes, _ := cmd.Flags().GetBool(flags.FlagSkipConfirmation); !yes {
		sink = io.MultiWriter(out, &captured) // the user must see what they confirm
	}
	clientCtx := client.GetClientContextFromCmd(cmd).WithOutput(sink)
	if err := client.SetCmdClientContext(cmd, clientCtx); err != nil {
		return err
	}
	cmd.SetOut(sink)
	err := run(cmd, args)
	cmd.SetOut(out)
	res, ok := parseTxResponse(captured.Bytes())
	if err != nil || !ok {
		if sink == &captured {
			_, _ = out.Write(captured.Bytes())
		}
		return err
	}
	cmd.SilenceUsage = true
	if res.Code != 0 {
		if sink == &captured {
			_, _ = out.Write(captured.Bytes())
		}
		return fmt.Errorf("transaction %s rejected by the node (CheckTx): %s", res.TxHash, failure(res))
	}
	clientCtx, err = client.GetClientTxContext(cmd)
	if err != nil {
		return err
	}
	timeout, _ := cmd.Flags().GetDuration(flagWaitTimeout)
	committed, err := waitForTx(clientCtx, res.TxHash, timeout)
	if err != nil {
		return err
	}
	if err := printOutcome(clientCtx.WithOutput(out), committed); err != nil {
		return err
	}
	if committed.Code != 0 {
		return fmt.Errorf("transaction %s failed in block %d: %s", committed.TxHash, committed.Height, failure(*committed))
	}
	return nil
}

// broadcastAnswer is the part of a broadcast's TxResponse (JSON or text)
// the outcome needs.
type broadcastAnswer struct {
	TxHash    string `json:"txhash"`
	Code      uint32 `json:"code"`
	Codespace string `json:"codespace"`
	RawLog    string `json:"raw_log"`
}

// parseTxResponse reads the last document the command printed as a
// broadcast answer; ok is false when it is not one (e.g. a signed tx).
func parseTxResponse(out []byte) (sdk.TxResponse, bool) {
	text := strings.TrimSpace(string(out))
	if text == "" {
		return sdk.TxResponse{}, false
	}
	// With confirmation, the unsigned tx (JSON) comes first: keep the last
	// document.
	if i := strings.LastIndex(text, "\n{"); i >= 0 && strings.HasPrefix(strings.TrimSpace(text[i:]), "{") {
		text = text[i+1:]
	}
	var a broadcastAnswer
	if strings.HasPrefix(text, "{") {
		if err := json.Unmarshal([]byte(text), &a); err != nil {
			return sdk.TxResponse{}, false
		}
	} else {
		a = parseTextAnswer(text)
	}
	if a.TxHash == "" {
		return sdk.TxResponse{}, false
	}
	return sdk.TxResponse{TxHash: a.TxHash, Code: a.Code, Codespace: a.Codespace, RawLog: a.RawLog}, true
}

// parseTextAnswer reads the top-level fields of a TxResponse printed as
// text (YAML).
func parseTextAnswer(text string) broadcastAnswer {
	var a broadcastAnswer
	for _, line := range strings.Split(text, "\n") {
		key, value, ok := strings.Cut(line, ": ")
		if !ok || strings.HasPrefix(key, " ") {
			continue
		}
		value = strings.TrimSpace(value)
		if unquoted, err := strconv.Unquote(value); err == nil {
			value = unquoted
		} else {
			value = strings.Trim(value, "'")
		}
		switch key {
		case "txhash":
			a.TxHash = value
		case "code":
			code, _ := strconv.ParseUint(value, 10, 32)
			a.Code = uint32(code)
		case "codespace":
			a.Codespace = value
		case "raw_log":
			a.RawLog = value
		}
	}
	return a
}

// waitForTx polls the node for the committed transaction.
func waitForTx(clientCtx client.Context, hash string, timeout time.Duration) (*sdk.TxResponse, error) {
	deadline := time.Now().Add(timeout)
	for {
		res, err := authtx.QueryTx(clientCtx, hash)
		if err == nil {
			return res, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("transaction %s was accepted by the node but not committed within %s (it may still be; check with: agorad q tx %s)", hash, timeout, hash)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// printOutcome prints the committed result: the whole TxResponse with
// -o json, a short summary as text.
func printOutcome(clientCtx client.Context, res *sdk.TxResponse) error {
	if clientCtx.OutputFormat == flags.OutputFormatJSON {
		return clientCtx.PrintProto(res)
	}
	status := "committed"
	if res.Code != 0 {
		status = "FAILED"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "txhash: %s\n", res.TxHash)
	fmt.Fprintf(&b, "result: %s in block %d\n", status, res.Height)
	fmt.Fprintf(&b, "code: %d\n", res.Code)
	if res.Codespace != "" {
		fmt.Fprintf(&b, "codespace: %s\n", res.Codespace)
	}
	fmt.Fprintf(&b, "gas: %d used of %d wanted\n", res.GasUsed, res.GasWanted)
	if res.Code != 0 {
		fmt.Fprintf(&b, "raw_log: %s\n", res.RawLog)
	}
	fmt.Fprintf(&b, "details (events): agorad q tx %s\n", res.TxHash)
	_, err := io.WriteString(clientCtx.Output, b.String())
	return err
}

// failure is a failed tx's cause in one line.
func failure(res sdk.TxResponse) string {
	return fmt.Sprintf("codespace %s, code %d: %s", res.Codespace, res.Code, res.RawLog)
}
