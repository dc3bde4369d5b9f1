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
	legacy.RegisterAminoMsg(cdc, &MsgStake{}, "agora/synth/MsgStake")
	legacy.RegisterAminoMsg(cdc, &MsgUnstake{}, "agora/synth/MsgUnstake")
	legacy.RegisterAminoMsg(cdc, &MsgMint{}, "agora/synth/MsgMint")
	legacy.RegisterAminoMsg(cdc, &MsgBurn{}, "agora/synth/MsgBurn")
	legacy.RegisterAminoMsg(cdc, &MsgExchange{}, "agora/synth/MsgExchange")
	legacy.RegisterAminoMsg(cdc, &MsgLiquidateStaker{}, "agora/synth/MsgLiquidateStaker")
	legacy.RegisterAminoMsg(cdc, &MsgClaimFees{}, "agora/synth/MsgClaimFees")
	legacy.RegisterAminoMsg(cdc, &MsgSetCollateral{}, "agora/synth/MsgSetCollateral")
	legacy.RegisterAminoMsg(cdc, &MsgSetSynth{}, "agora/synth/MsgSetSynth")
	legacy.RegisterAminoMsg(cdc, &MsgResumeSynth{}, "agora/synth/MsgResumeSynth")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "agora/synth/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "agora/x/synth/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgStake{}, &MsgUnstake{}, &MsgMint{}, &MsgBurn{}, &MsgExchange{}, &MsgLiquidateStaker{},
		&MsgClaimFees{}, &MsgSetCollateral{}, &MsgSetSynth{}, &MsgResumeSynth{}, &MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
