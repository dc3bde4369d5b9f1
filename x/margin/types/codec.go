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
	legacy.RegisterAminoMsg(cdc, &MsgOpenPosition{}, "agora/margin/MsgOpenPosition")
	legacy.RegisterAminoMsg(cdc, &MsgAddMargin{}, "agora/margin/MsgAddMargin")
	legacy.RegisterAminoMsg(cdc, &MsgRemoveMargin{}, "agora/margin/MsgRemoveMargin")
	legacy.RegisterAminoMsg(cdc, &MsgClosePosition{}, "agora/margin/MsgClosePosition")
	legacy.RegisterAminoMsg(cdc, &MsgSetTriggers{}, "agora/margin/MsgSetTriggers")
	legacy.RegisterAminoMsg(cdc, &MsgLiquidatePosition{}, "agora/margin/MsgLiquidatePosition")
	legacy.RegisterAminoMsg(cdc, &MsgFundInsurance{}, "agora/margin/MsgFundInsurance")
	legacy.RegisterAminoMsg(cdc, &MsgSetMarginPair{}, "agora/margin/MsgSetMarginPair")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "agora/margin/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "agora/x/margin/Params", nil)
}

// RegisterInterfaces registers the messages and the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgOpenPosition{}, &MsgAddMargin{}, &MsgRemoveMargin{}, &MsgClosePosition{}, &MsgSetTriggers{},
		&MsgLiquidatePosition{}, &MsgFundInsurance{}, &MsgSetMarginPair{}, &MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
