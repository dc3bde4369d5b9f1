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
	legacy.RegisterAminoMsg(cdc, &MsgOpenVault{}, "agora/cdp/MsgOpenVault")
	legacy.RegisterAminoMsg(cdc, &MsgDeposit{}, "agora/cdp/MsgDeposit")
	legacy.RegisterAminoMsg(cdc, &MsgWithdraw{}, "agora/cdp/MsgWithdraw")
	legacy.RegisterAminoMsg(cdc, &MsgMint{}, "agora/cdp/MsgMint")
	legacy.RegisterAminoMsg(cdc, &MsgRepay{}, "agora/cdp/MsgRepay")
	legacy.RegisterAminoMsg(cdc, &MsgCloseVault{}, "agora/cdp/MsgCloseVault")
	legacy.RegisterAminoMsg(cdc, &MsgTransferVault{}, "agora/cdp/MsgTransferVault")
	legacy.RegisterAminoMsg(cdc, &MsgLiquidate{}, "agora/cdp/MsgLiquidate")
	legacy.RegisterAminoMsg(cdc, &MsgPoolDeposit{}, "agora/cdp/MsgPoolDeposit")
	legacy.RegisterAminoMsg(cdc, &MsgPoolWithdraw{}, "agora/cdp/MsgPoolWithdraw")
	legacy.RegisterAminoMsg(cdc, &MsgClaimGains{}, "agora/cdp/MsgClaimGains")
	legacy.RegisterAminoMsg(cdc, &MsgPsmSwapIn{}, "agora/cdp/MsgPsmSwapIn")
	legacy.RegisterAminoMsg(cdc, &MsgPsmSwapOut{}, "agora/cdp/MsgPsmSwapOut")
	legacy.RegisterAminoMsg(cdc, &MsgRedeem{}, "agora/cdp/MsgRedeem")
	legacy.RegisterAminoMsg(cdc, &MsgRedeemSettlement{}, "agora/cdp/MsgRedeemSettlement")
	legacy.RegisterAminoMsg(cdc, &MsgSetCollateralType{}, "agora/cdp/MsgSetCollateralType")
	legacy.RegisterAminoMsg(cdc, &MsgShutdown{}, "agora/cdp/MsgShutdown")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "agora/cdp/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "agora/x/cdp/Params", nil)
}

// RegisterInterfaces registers the messages as sdk.Msg implementations and
// the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgOpenVault{}, &MsgDeposit{}, &MsgWithdraw{}, &MsgMint{}, &MsgRepay{}, &MsgCloseVault{},
		&MsgTransferVault{}, &MsgLiquidate{}, &MsgPoolDeposit{}, &MsgPoolWithdraw{}, &MsgClaimGains{},
		&MsgPsmSwapIn{}, &MsgPsmSwapOut{}, &MsgRedeem{}, &MsgRedeemSettlement{}, &MsgSetCollateralType{}, &MsgShutdown{}, &MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
