package types

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// backstopGenesisProblems checks the backstops and the deficit history of
// a genesis state: pools of listed markets, given once, with amounts set
// and ≥ 0 and pending ≤ total shares; stakes and cooldowns with valid
// addresses in pools that exist, given once, with cooldown ids below the
// pool's next id; deficit records of listed markets below their market's
// record count.
func (gs GenesisState) backstopGenesisProblems(markets map[string]bool) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	pools := map[string]BackstopPool{}
	for _, p := range gs.BackstopPools {
		if !markets[p.Denom] {
			add("backstop pool of unlisted market %q", p.Denom)
		}
		if _, dup := pools[p.Denom]; dup {
			add("backstop pool %q given twice", p.Denom)
		}
		pools[p.Denom] = p
		for _, v := range []struct {
			name string
			ok   bool
		}{
			{"staked_receipts", !p.StakedReceipts.IsNil() && !p.StakedReceipts.IsNegative()},
			{"total_shares", !p.TotalShares.IsNil() && !p.TotalShares.IsNegative()},
			{"pending_shares", !p.PendingShares.IsNil() && !p.PendingShares.IsNegative()},
		} {
			if !v.ok {
				add("backstop pool %q: %s must be set and ≥ 0", p.Denom, v.name)
			}
		}
		if !p.PendingShares.IsNil() && !p.TotalShares.IsNil() && p.PendingShares.GT(p.TotalShares) {
			add("backstop pool %q: pending_shares %s exceed total_shares %s", p.Denom, p.PendingShares, p.TotalShares)
		}
	}
	stakes := map[string]bool{}
	for _, s := range gs.BackstopStakes {
		if _, err := sdk.AccAddressFromBech32(s.Staker); err != nil {
			add("backstop staker %q: %s", s.Staker, err)
		}
		if _, ok := pools[s.Denom]; !ok {
			add("backstop stake of %s in %q, which has no pool", s.Staker, s.Denom)
		}
		if key := s.Staker + "|" + s.Denom; stakes[key] {
			add("backstop stake of %s in %q given twice", s.Staker, s.Denom)
		} else {
			stakes[key] = true
		}
		if s.Stake.Shares.IsNil() || !s.Stake.Shares.IsPositive() || s.Stake.Principal.IsNil() || s.Stake.Principal.IsNegative() {
			add("backstop stake of %s in %q: shares must be > 0 and principal ≥ 0", s.Staker, s.Denom)
		}
	}
	cooldowns := map[string]bool{}
	for _, c := range gs.BackstopCooldowns {
		if _, err := sdk.AccAddressFromBech32(c.Staker); err != nil {
			add("backstop cooldown staker %q: %s", c.Staker, err)
		}
		p, ok := pools[c.Denom]
		if !ok {
			add("backstop cooldown of %s in %q, which has no pool", c.Staker, c.Denom)
		} else if c.Cooldown.Id >= p.NextCooldownId {
			add("backstop cooldown %d in %q: id not below next_cooldown_id %d", c.Cooldown.Id, c.Denom, p.NextCooldownId)
		}
		if key := fmt.Sprintf("%s|%s|%d", c.Staker, c.Denom, c.Cooldown.Id); cooldowns[key] {
			add("backstop cooldown %d of %s in %q given twice", c.Cooldown.Id, c.Staker, c.Denom)
		} else {
			cooldowns[key] = true
		}
		if c.Cooldown.Shares.IsNil() || !c.Cooldown.Shares.IsPositive() || c.Cooldown.MaxReceipts.IsNil() || c.Cooldown.MaxReceipts.IsNegative() {
			add("backstop cooldown %d of %s in %q: shares must be > 0 and max_receipts ≥ 0", c.Cooldown.Id, c.Staker, c.Denom)
		}
	}
	counts := map[string]uint64{}
	for _, s := range gs.MarketStates {
		counts[s.Denom] = s.DeficitRecords
	}
	for _, r := range gs.DeficitRecords {
		if !markets[r.Denom] {
			add("deficit record of unlisted market %q", r.Denom)
		} else if r.Sequence >= counts[r.Denom] {
			add("deficit record %d of %q: not below the market's deficit_records %d", r.Sequence, r.Denom, counts[r.Denom])
		}
	}
	return out
}
