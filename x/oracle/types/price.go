package types

import (
	"time"

	sdkmath "cosmossdk.io/math"
)

// CurrentPrice is a pair's stored price and how old it is, as the keeper's
// Price returns it to other modules.
type CurrentPrice struct {
	Pair          string
	Price         sdkmath.LegacyDec
	UpdatedHeight int64
	UpdatedTime   time.Time
	AgeBlocks     int64
}
