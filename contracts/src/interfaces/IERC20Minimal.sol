// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice The part of ERC-20 the example contracts use (x/erc20 serves
/// every bank denom through it).
interface IERC20Minimal {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 value) external returns (bool);
}
