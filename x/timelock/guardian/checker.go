package guardian

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	circuittypes "cosmossdk.io/x/circuit/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/agora-labs/agora/x/timelock/types"
)

// Permissions reads circuit's permission of an account (circuit's keeper
// Permissions map satisfies it).
type Permissions interface {
	Get(ctx context.Context, key []byte) (circuittypes.Permissions, error)
}

// Checker: a guardian is an account holding any circuit permission level
// above none.
type Checker struct{ perms Permissions }

var _ types.GuardianChecker = Checker{}

// NewChecker reads guardians from circuit's permissions.
func NewChecker(perms Permissions) Checker { return Checker{perms: perms} }

// IsGuardian tells whether addr holds a circuit permission.
func (c Checker) IsGuardian(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	p, err := c.perms.Get(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return p.Level != circuittypes.Permissions_LEVEL_NONE_UNSPECIFIED, nil
}
