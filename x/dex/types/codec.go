package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the messages for amino JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	legacy.RegisterAminoMsg(cdc, &MsgCreatePool{}, "agora/dex/MsgCreatePool")
	legacy.RegisterAminoMsg(cdc, &MsgJoinPool{}, "agora/dex/MsgJoinPool")
	legacy.RegisterAminoMsg(cdc, &MsgExitPool{}, "agora/dex/MsgExitPool")
	legacy.RegisterAminoMsg(cdc, &MsgJoinSingleAsset{}, "agora/dex/MsgJoinSingleAsset")
	legacy.RegisterAminoMsg(cdc, &MsgExitSingleAsset{}, "agora/dex/MsgExitSingleAsset")
	legacy.RegisterAminoMsg(cdc, &MsgSwapExactIn{}, "agora/dex/MsgSwapExactIn")
	legacy.RegisterAminoMsg(cdc, &MsgSwapExactOut{}, "agora/dex/MsgSwapExactOut")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "agora/dex/MsgUpdateParams")
	legacy.RegisterAminoMsg(cdc, &MsgSetPoolPaused{}, "agora/dex/MsgSetPoolPaused")
	legacy.RegisterAminoMsg(cdc, &MsgRampAmplification{}, "agora/dex/MsgRampAmplification")
	legacy.RegisterAminoMsg(cdc, &MsgPlaceLimitOrder{}, "agora/dex/MsgPlaceLimitOrder")
	legacy.RegisterAminoMsg(cdc, &MsgCancelLimitOrder{}, "agora/dex/MsgCancelLimitOrder")
	cdc.RegisterConcrete(&Params{}, "agora/x/dex/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgCreatePool{}, &MsgJoinPool{}, &MsgExitPool{}, &MsgJoinSingleAsset{}, &MsgExitSingleAsset{},
		&MsgSwapExactIn{}, &MsgSwapExactOut{}, &MsgUpdateParams{}, &MsgSetPoolPaused{}, &MsgRampAmplification{},
		&MsgPlaceLimitOrder{}, &MsgCancelLimitOrder{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
