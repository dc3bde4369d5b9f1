package devgenesis

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/agora-labs/agora/app"
)

// BulkAccountFunds is what each of the bulk genesis accounts
// (AddBulkAccounts) holds: 1 AGR.
var BulkAccountFunds = sdk.NewCoin(app.BondDenom, sdkmath.NewInt(1_000_000))

// BulkAccountAddress is the address of bulk genesis account i: the first
// 20 bytes of sha256("agora-bulk-account/" || i as 8 big-endian bytes). No
// key controls it; it only makes state large.
func BulkAccountAddress(i uint64) sdk.AccAddress {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], i)
	h := sha256.Sum256(append([]byte("agora-bulk-account/"), b[:]...))
	return sdk.AccAddress(h[:20])
}

// AddBulkAccounts adds n base accounts (BulkAccountAddress(0…n-1)), each
// holding BulkAccountFunds, to the auth and bank genesis, and their funds
// to the total supply when the genesis states one. It writes the JSON
// directly (1,000,000 accounts through the codec would take minutes).
func AddBulkAccounts(gen app.GenesisState, n int) error {
	if n <= 0 {
		return nil
	}
	var auth map[string]json.RawMessage
	if err := json.Unmarshal(gen[authtypes.ModuleName], &auth); err != nil {
		return fmt.Errorf("auth genesis: %w", err)
	}
	var bank map[string]json.RawMessage
	if err := json.Unmarshal(gen[banktypes.ModuleName], &bank); err != nil {
		return fmt.Errorf("bank genesis: %w", err)
	}

	var accounts, balances strings.Builder
	for i := 0; i < n; i++ {
		a := BulkAccountAddress(uint64(i)).String()
		if i > 0 {
			accounts.WriteByte(',')
			balances.WriteByte(',')
		}
		fmt.Fprintf(&accounts, `{"@type":"/cosmos.auth.v1beta1.BaseAccount","address":"%s","pub_key":null,"account_number":"0","sequence":"0"}`, a)
		fmt.Fprintf(&balances, `{"address":"%s","coins":[{"denom":"%s","amount":"%s"}]}`, a, BulkAccountFunds.Denom, BulkAccountFunds.Amount)
	}
	var err error
	if auth["accounts"], err = appendRaw(auth["accounts"], accounts.String()); err != nil {
		return fmt.Errorf("auth genesis accounts: %w", err)
	}
	if bank["balances"], err = appendRaw(bank["balances"], balances.String()); err != nil {
		return fmt.Errorf("bank genesis balances: %w", err)
	}

	// The supply: an empty one is computed from the balances at InitChain.
	var supply sdk.Coins
	if raw := bank["supply"]; len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &supply); err != nil {
			return fmt.Errorf("bank genesis supply: %w", err)
		}
	}
	if !supply.Empty() {
		added := sdk.NewCoin(BulkAccountFunds.Denom, BulkAccountFunds.Amount.MulRaw(int64(n)))
		supply = supply.Add(added)
		bz, err := json.Marshal(supply)
		if err != nil {
			return err
		}
		bank["supply"] = bz
	}

	if gen[authtypes.ModuleName], err = json.Marshal(auth); err != nil {
		return err
	}
	if gen[banktypes.ModuleName], err = json.Marshal(bank); err != nil {
		return err
	}
	return nil
}

// appendRaw appends the comma-separated JSON objects items to the JSON
// array list (null or absent counts as empty).
func appendRaw(list json.RawMessage, items string) (json.RawMessage, error) {
	s := strings.TrimSpace(string(list))
	if s == "" || s == "null" || s == "[]" {
		return json.RawMessage("[" + items + "]"), nil
	}
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return nil, fmt.Errorf("not a JSON array")
	}
	return json.RawMessage(s[:len(s)-1] + "," + items + "]"), nil
}
