// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAgoraDex, AGORA_DEX_ADDRESS} from "../../contracts/precompiles/IAgoraDex.sol";
import {IAgoraOracle, AGORA_ORACLE_ADDRESS} from "../../contracts/precompiles/IAgoraOracle.sol";

/// Test contract of the precompiles' Go tests (precompiles/apptest_test.go):
/// it swaps its own coins, reverts after a swap, and swaps from inside a
/// callback of another contract.
contract PrecompileUser {
    IAgoraDex constant DEX = IAgoraDex(AGORA_DEX_ADDRESS);
    IAgoraOracle constant ORACLE = IAgoraOracle(AGORA_ORACLE_ADDRESS);

    uint64 public lastOrder;
    bool public innerFailed;

    function swap(IAgoraDex.Hop[] calldata route, string calldata denomIn, uint256 amountIn, uint256 minOut)
        public
        returns (uint64 orderId, uint256 estimatedOut)
    {
        (orderId, estimatedOut) = DEX.swapExactIn(route, denomIn, amountIn, minOut, 0);
        lastOrder = orderId;
    }

    /// Swaps, then reverts: nothing of the swap may remain.
    function swapThenRevert(IAgoraDex.Hop[] calldata route, string calldata denomIn, uint256 amountIn) external {
        swap(route, denomIn, amountIn, 0);
        revert("reverted after the swap");
    }

    /// Asks `peer` to call back onCallback (which swaps), and the peer then
    /// reverts; catches that, and swaps once more itself.
    function swapViaCallback(Callbacker peer, IAgoraDex.Hop[] calldata route, string calldata denomIn, uint256 amountIn)
        external
    {
        try peer.callBackAndRevert(route, denomIn, amountIn) {
            innerFailed = false;
        } catch {
            innerFailed = true;
        }
        swap(route, denomIn, amountIn, 0);
    }

    /// The callback: a swap from inside another contract's call.
    function onCallback(IAgoraDex.Hop[] calldata route, string calldata denomIn, uint256 amountIn) external {
        swap(route, denomIn, amountIn, 0);
    }

    /// The oracle's price as a contract sees it.
    function readPrice(string calldata base, string calldata quote)
        external
        view
        returns (uint256 price, uint64 updatedAt, uint64 ageSeconds, bool stale)
    {
        return ORACLE.price(base, quote);
    }
}

/// Calls PrecompileUser.onCallback (which swaps through the dex precompile),
/// then reverts.
contract Callbacker {
    function callBackAndRevert(IAgoraDex.Hop[] calldata route, string calldata denomIn, uint256 amountIn) external {
        PrecompileUser(msg.sender).onCallback(route, denomIn, amountIn);
        revert("callback's caller reverts");
    }
}
