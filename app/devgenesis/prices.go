package devgenesis

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// PricesFile is the name, in each node's home, of the JSON file the devnet's
// and localnet's price feeders read: edit it and the chain's prices follow
// within a few blocks.
const PricesFile = "prices.json"

// StartingPrices are the prices a new devnet or localnet starts with.
var StartingPrices = map[string]string{
	"BTC/USD":  "60000",
	"ETH/USD":  "3000",
	"AGR/USD":  "1",
	"USDC/USD": "1",
	"XAU/USD":  "2400",
}

// PricesPath is the prices file of the node at home.
func PricesPath(home string) string { return filepath.Join(home, PricesFile) }

// WritePricesFile writes prices (pair → decimal string) as JSON. Unless
// overwrite is set, an existing file is left alone. The file is written to
// a temporary name and renamed, so the feeder never reads half a file.
func WritePricesFile(path string, prices map[string]string, overwrite bool) error {
	if !overwrite {
		if _, err := os.Stat(path); err == nil {
			return nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	bz, err := json.MarshalIndent(prices, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(bz, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
