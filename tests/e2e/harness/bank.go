package harness

import (
	"fmt"

	sdkmath "cosmossdk.io/math"
)

// Balance queries one denom's balance of an address.
func Balance(bin, home, addr, denom string) (sdkmath.Int, error) {
	var out struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	if err := QueryJSON(bin, home, &out, "q", "bank", "balance", addr, denom); err != nil {
		return sdkmath.Int{}, err
	}
	amt, ok := sdkmath.NewIntFromString(out.Balance.Amount)
	if !ok {
		return sdkmath.Int{}, fmt.Errorf("bad amount %q", out.Balance.Amount)
	}
	return amt, nil
}
