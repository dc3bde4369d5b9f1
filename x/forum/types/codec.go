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
	legacy.RegisterAminoMsg(cdc, &MsgPostComment{}, "agora/forum/MsgPostComment")
	legacy.RegisterAminoMsg(cdc, &MsgEditComment{}, "agora/forum/MsgEditComment")
	legacy.RegisterAminoMsg(cdc, &MsgRetractComment{}, "agora/forum/MsgRetractComment")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "agora/forum/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "agora/x/forum/Params", nil)
}

// RegisterInterfaces registers the messages and the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgPostComment{}, &MsgEditComment{}, &MsgRetractComment{}, &MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
