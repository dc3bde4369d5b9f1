package types

import errorsmod "cosmossdk.io/errors"

// Registered errors of x/forum: stable codes, never renumbered.
var (
	ErrInvalidAddress    = errorsmod.Register(ModuleName, 2, "invalid address")
	ErrUnauthorized      = errorsmod.Register(ModuleName, 3, "signer is not the timelock's account: schedule it through x/timelock")
	ErrInvalidParams     = errorsmod.Register(ModuleName, 4, "invalid parameters")
	ErrEmptyBody         = errorsmod.Register(ModuleName, 5, "comment body is empty")
	ErrBodyTooLong       = errorsmod.Register(ModuleName, 6, "comment body is longer than params.max_body_bytes")
	ErrProposalNotFound  = errorsmod.Register(ModuleName, 7, "no such governance proposal")
	ErrProposalClosed    = errorsmod.Register(ModuleName, 8, "the proposal is no longer in its deposit or voting period")
	ErrCommentNotFound   = errorsmod.Register(ModuleName, 9, "no such comment")
	ErrWrongProposal     = errorsmod.Register(ModuleName, 10, "the parent comment belongs to another proposal")
	ErrNotAuthor         = errorsmod.Register(ModuleName, 11, "the signer is not the comment's author")
	ErrEditWindowClosed  = errorsmod.Register(ModuleName, 12, "the comment's edit window has closed")
	ErrRetracted         = errorsmod.Register(ModuleName, 13, "the comment is retracted")
	ErrInsufficientFunds = errorsmod.Register(ModuleName, 14, "the author cannot pay params.post_fee")
	ErrInvalidGenesis    = errorsmod.Register(ModuleName, 15, "invalid genesis state")
	ErrInvalidProposalID = errorsmod.Register(ModuleName, 16, "proposal id must be positive")
	ErrInvalidCommentID  = errorsmod.Register(ModuleName, 17, "comment id must be positive")
	ErrInvalidUTF8       = errorsmod.Register(ModuleName, 18, "comment body is not valid UTF-8")
)
