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
