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
	legacy.RegisterAminoMsg(cdc, &MsgSupply{}, "agora/lend/MsgSupply")
	legacy.RegisterAminoMsg(cdc, &MsgWithdraw{}, "agora/lend/MsgWithdraw")
	legacy.RegisterAminoMsg(cdc, &MsgCollateralize{}, "agora/lend/MsgCollateralize")
	legacy.RegisterAminoMsg(cdc, &MsgDecollateralize{}, "agora/lend/MsgDecollateralize")
	legacy.RegisterAminoMsg(cdc, &MsgSupplyCollateral{}, "agora/lend/MsgSupplyCollateral")
	legacy.RegisterAminoMsg(cdc, &MsgBorrow{}, "agora/lend/MsgBorrow")
	legacy.RegisterAminoMsg(cdc, &MsgRepay{}, "agora/lend/MsgRepay")
	legacy.RegisterAminoMsg(cdc, &MsgLiquidate{}, "agora/lend/MsgLiquidate")
	legacy.RegisterAminoMsg(cdc, &MsgSetMarket{}, "agora/lend/MsgSetMarket")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "agora/lend/MsgUpdateParams")
	legacy.RegisterAminoMsg(cdc, &MsgBackstopStake{}, "agora/lend/MsgBackstopStake")
	legacy.RegisterAminoMsg(cdc, &MsgBackstopUnstake{}, "agora/lend/MsgBackstopUnstake")
	legacy.RegisterAminoMsg(cdc, &MsgBackstopClaim{}, "agora/lend/MsgBackstopClaim")
	cdc.RegisterConcrete(&Params{}, "agora/x/lend/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgSupply{}, &MsgWithdraw{}, &MsgCollateralize{}, &MsgDecollateralize{}, &MsgSupplyCollateral{},
		&MsgBorrow{}, &MsgRepay{}, &MsgLiquidate{}, &MsgSetMarket{}, &MsgUpdateParams{},
		&MsgBackstopStake{}, &MsgBackstopUnstake{}, &MsgBackstopClaim{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
