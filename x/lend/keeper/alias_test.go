package keeper_test

import sdk "github.com/cosmos/cosmos-sdk/types"

type sdkMsg = sdk.Msg
