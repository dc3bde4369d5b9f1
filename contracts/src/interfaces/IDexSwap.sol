// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice What the example contracts need from Agora's dex precompile
/// (issue 17's terms). The precompile's own interface is
/// contracts/precompiles/IAgoraDex.sol; this one is replaced by it as soon
/// as it exists.
interface IDexSwap {
    /// Time-weighted average price of `baseDenom` in the pool's other denom
    /// over the last `lookbackSeconds`, 1e18-scaled.
    function twap(uint64 poolId, string calldata baseDenom, uint64 lookbackSeconds) external view returns (uint256 price);

    /// Queues a swap of the caller's `amountIn` of `denomIn` along `route`
    /// (pool ids) into the block's batch; the output (at least `minOut`)
    /// reaches the caller at the end of the block, or the input is refunded.
    function swapExactIn(uint64[] calldata route, string calldata denomIn, uint256 amountIn, uint256 minOut, uint64 deadline)
        external
        returns (uint64 orderId, uint256 estimatedOut);
}
