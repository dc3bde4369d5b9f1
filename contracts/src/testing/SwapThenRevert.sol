// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAgoraDex} from "../../precompiles/IAgoraDex.sol";

/// @notice Test contract (not an example): queues a swap of its own coins
/// through the dex precompile, then reverts. The e2e test checks that the
/// revert undoes the precompile's escrow: the contract keeps its coins and no
/// order fills.
contract SwapThenRevert {
    IAgoraDex public immutable dex;

    constructor(address dex_) {
        dex = IAgoraDex(dex_);
    }

    function swapThenRevert(uint64 poolId, string calldata denomIn, string calldata denomOut, uint256 amountIn)
        external
    {
        IAgoraDex.Hop[] memory route = new IAgoraDex.Hop[](1);
        route[0] = IAgoraDex.Hop({poolId: poolId, denomOut: denomOut});
        dex.swapExactIn(route, denomIn, amountIn, 1, 0);
        revert("SwapThenRevert: reverted after the swap");
    }
}
