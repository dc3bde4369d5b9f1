package forum

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	forumv1 "github.com/agora-labs/agora/x/forum/types"
)

// AutoCLIOptions describes the CLI generated from the gRPC services:
// `agorad query forum ...` and `agorad tx forum ...`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: forumv1.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show x/forum's parameters", Example: "agorad query forum params -o json"},
				{
					RpcMethod: "Thread", Use: "thread [proposal-id]", Short: "A proposal's comments in order (paginated) with its votes' reasons",
					Example: "agorad query forum thread 1 --limit 50", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}},
				},
				{
					RpcMethod: "Comment", Use: "comment [comment-id]", Short: "One comment",
					Example: "agorad query forum comment 3", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "comment_id"}},
				},
				{
					RpcMethod: "AuthorComments", Use: "author [address]", Short: "An author's comments in order (paginated)",
					Example: "agorad query forum author $(agorad keys show alice -a)", PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "author"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: forumv1.Msg_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "PostComment", Use: "post [proposal-id] [body]",
					Short:          "Comment on a proposal in its deposit or voting period (--parent-comment-id to reply); pays the forum's post fee to the community pool",
					Example:        "agorad tx forum post 1 \"The new fee is too high for small pools\" --from alice --fees 25000uagr -y",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "proposal_id"}, {ProtoField: "body"}},
				},
				{
					RpcMethod: "EditComment", Use: "edit [comment-id] [body]", Short: "Replace your comment's body within the edit window",
					Example:        "agorad tx forum edit 3 \"corrected text\" --from alice --fees 25000uagr -y",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "comment_id"}, {ProtoField: "body"}},
				},
				{
					RpcMethod: "RetractComment", Use: "retract [comment-id]", Short: "Hide your comment's body (the record stays)",
					Example:        "agorad tx forum retract 3 --from alice --fees 25000uagr -y",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "comment_id"}},
				},
				{RpcMethod: "UpdateParams", Skip: true}, // governance only
			},
		},
	}
}
