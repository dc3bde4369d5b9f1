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
	legacy.RegisterAminoMsg(cdc, &MsgBond{}, "agora/incentives/MsgBond")
	legacy.RegisterAminoMsg(cdc, &MsgUnbond{}, "agora/incentives/MsgUnbond")
	legacy.RegisterAminoMsg(cdc, &MsgClaimRewards{}, "agora/incentives/MsgClaimRewards")
	legacy.RegisterAminoMsg(cdc, &MsgCreateGauge{}, "agora/incentives/MsgCreateGauge")
	legacy.RegisterAminoMsg(cdc, &MsgSetPoolWeights{}, "agora/incentives/MsgSetPoolWeights")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "agora/incentives/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "agora/x/incentives/Params", nil)
}

// RegisterInterfaces registers the messages and the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgBond{}, &MsgUnbond{}, &MsgClaimRewards{}, &MsgCreateGauge{}, &MsgSetPoolWeights{}, &MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
