// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @dev The lend precompile's fixed address (docs/contracts.md).
address constant AGORA_LEND_ADDRESS = 0x0000000000000000000000000000000000000902;

/// @title Agora's money market precompile: x/lend for msg.sender, from Solidity.
/// @notice Each method is the x/lend message of msg.sender (the contract itself, or the account
/// calling directly) and fails with x/lend's error. Amounts are base units of the bank denom
/// ("uusdc"); receipts are the market's receipt denom ("lend/uusdc").
interface IAgoraLend {
    /// Supplies `amount` of `denom`; returns the receipts minted.
    function supply(string calldata denom, uint256 amount) external returns (uint256 receipts);

    /// Withdraws `amount` of `denom` (underlying); returns what was withdrawn.
    function withdraw(string calldata denom, uint256 amount) external returns (uint256 withdrawn);

    /// Supplies `amount` of `denom` and marks it as collateral at once; returns the receipts added
    /// as collateral.
    function supplyCollateral(string calldata denom, uint256 amount) external returns (uint256 collateralAdded);

    /// Borrows `amount` of `denom` against msg.sender's collateral.
    function borrow(string calldata denom, uint256 amount) external;

    /// Repays up to `amount` of msg.sender's own `denom` debt; returns what was repaid.
    function repay(string calldata denom, uint256 amount) external returns (uint256 repaid);

    /// Moves `receipts` of msg.sender's free `denom` receipts (lend/{denom}) into collateral.
    function collateralize(string calldata denom, uint256 receipts) external;

    /// Moves `receipts` of msg.sender's `denom` collateral (lend/{denom} receipts, as supplyCollateral
    /// returned them) back to free receipts; fails with x/lend's error when the position would exceed
    /// its borrow limit afterwards. Withdraw the freed receipts with `withdraw`.
    function removeCollateral(string calldata denom, uint256 receipts) external;

    /// Liquidates `borrower` (health factor below 1): msg.sender repays at most `repayAmount` of the
    /// borrower's `repayDenom` debt from its own coins (x/lend sizes the repay to restore the target
    /// health factor) and receives `borrower`'s `collateralDenom` collateral worth the repay plus the
    /// liquidation bonus, as lend/{collateralDenom} receipts. Returns the debt repaid, the receipts
    /// received and their value in `collateralDenom`. A healthy position reverts. A caller that needs a
    /// minimum reward checks `collateralOut` and reverts itself.
    function liquidate(address borrower, string calldata repayDenom, uint256 repayAmount, string calldata collateralDenom)
        external
        returns (uint256 repaid, uint256 receipts, uint256 collateralOut);

    /// An account's position in the oracle's quote (1e18-scaled): borrow limit, weighted collateral,
    /// debt value and health factor (weighted collateral / debt, capped; the cap without debt). When a price of
    /// the position is missing or stale the values are 0 and priceError says why.
    function position(address account)
        external
        view
        returns (
            uint256 borrowLimit,
            uint256 weightedCollateral,
            uint256 debtValue,
            uint256 healthFactor,
            string memory priceError
        );
}
