package types

import "cosmossdk.io/collections"

const (
	// ModuleName is x/incentives' name; its module account holds bonded and
	// unbonding shares, gauge coins and allocated, unclaimed rewards.
	ModuleName = "incentives"
	// StoreKey is the KV store key.
	StoreKey = ModuleName
)

// Store prefixes (collections).
var (
	ParamsKey        = collections.NewPrefix(0)
	PoolWeightsKey   = collections.NewPrefix(1)
	GaugesKey        = collections.NewPrefix(2)
	GaugesByPoolKey  = collections.NewPrefix(3)
	GaugeEndsKey     = collections.NewPrefix(4)
	NextGaugeIDKey   = collections.NewPrefix(5)
	PoolStatesKey    = collections.NewPrefix(6)
	AccumulatorsKey  = collections.NewPrefix(7)
	BondsKey         = collections.NewPrefix(8)
	UserRewardsKey   = collections.NewPrefix(9)
	UnbondingsKey    = collections.NewPrefix(10)
	UnbondingQueue   = collections.NewPrefix(11)
	UnbondingByOwner = collections.NewPrefix(12)
	NextUnbondingKey = collections.NewPrefix(13)
	FinishedGauges   = collections.NewPrefix(14)
)
