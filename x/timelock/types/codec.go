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
	legacy.RegisterAminoMsg(cdc, &MsgSchedule{}, "agora/timelock/MsgSchedule")
	legacy.RegisterAminoMsg(cdc, &MsgCancel{}, "agora/timelock/MsgCancel")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "agora/timelock/MsgUpdateParams")
	cdc.RegisterConcrete(&Params{}, "agora/x/timelock/Params", nil)
}

// RegisterInterfaces registers the messages and the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), &MsgSchedule{}, &MsgCancel{}, &MsgUpdateParams{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}

var (
	_ codectypes.UnpackInterfacesMessage = MsgSchedule{}
	_ codectypes.UnpackInterfacesMessage = Operation{}
	_ codectypes.UnpackInterfacesMessage = GenesisState{}
	_ codectypes.UnpackInterfacesMessage = QueuedOperation{}
	_ codectypes.UnpackInterfacesMessage = QueryOperationsResponse{}
	_ codectypes.UnpackInterfacesMessage = QueryOperationResponse{}
)

// UnpackInterfaces resolves the scheduled messages' Anys.
func (m MsgSchedule) UnpackInterfaces(u codectypes.AnyUnpacker) error {
	return unpackMsgs(u, m.Messages)
}

// UnpackInterfaces resolves the operation's messages.
func (o Operation) UnpackInterfaces(u codectypes.AnyUnpacker) error { return unpackMsgs(u, o.Messages) }

// UnpackInterfaces resolves every operation's messages.
func (gs GenesisState) UnpackInterfaces(u codectypes.AnyUnpacker) error {
	for _, o := range gs.Operations {
		if err := o.UnpackInterfaces(u); err != nil {
			return err
		}
	}
	return nil
}

// UnpackInterfaces resolves the operation's messages.
func (q QueuedOperation) UnpackInterfaces(u codectypes.AnyUnpacker) error {
	return q.Operation.UnpackInterfaces(u)
}

// UnpackInterfaces resolves every listed operation's messages.
func (r QueryOperationsResponse) UnpackInterfaces(u codectypes.AnyUnpacker) error {
	for _, o := range r.Operations {
		if err := o.UnpackInterfaces(u); err != nil {
			return err
		}
	}
	return nil
}

// UnpackInterfaces resolves the operation's messages.
func (r QueryOperationResponse) UnpackInterfaces(u codectypes.AnyUnpacker) error {
	return r.Operation.UnpackInterfaces(u)
}

func unpackMsgs(u codectypes.AnyUnpacker, anys []*codectypes.Any) error {
	for _, a := range anys {
		var msg sdk.Msg
		if err := u.UnpackAny(a, &msg); err != nil {
			return err
		}
	}
	return nil
}
