// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @dev The dex precompile's fixed address (docs/contracts.md).
address constant AGORA_DEX_ADDRESS = 0x0000000000000000000000000000000000000901;

/// @title Agora's dex precompile: x/dex's pools, quotes and swaps, from Solidity.
/// @notice Amounts are in the bank denom's base unit (uagr, uusdc, dex/pool/1 …), as x/dex
/// counts them. A swap is a user swap: it joins the block's batch like MsgSwapExactIn, the
/// input leaves msg.sender at once (escrow), and the output (at least minOut) reaches msg.sender
/// at the end of the block at the batch's uniform price — or the input is refunded.
interface IAgoraDex {
    /// One hop of a route: the pool and the denom that comes out of it.
    struct Hop {
        uint64 poolId;
        string denomOut;
    }

    /// Emitted when a swap of msg.sender (`sender`) joins the block's batch.
    event SwapQueued(
        address indexed sender,
        uint64 indexed orderId,
        string denomIn,
        uint256 amountIn,
        string denomOut,
        uint256 estimatedOut,
        uint256 minOut,
        bool exactOut
    );

    /// A pool's assets (sorted by denom) and reserves, its swap fee (1e18-scaled fraction, 3e15 =
    /// 0.3 %), its total shares (the 1000 locked ones included), its LP share denom and whether
    /// governance paused it. Reverts for an unknown pool.
    function pool(uint64 poolId)
        external
        view
        returns (
            string[] memory denoms,
            uint256[] memory reserves,
            uint256 swapFee,
            uint256 totalShares,
            string memory shareDenom,
            bool paused
        );

    /// Arithmetic time-weighted average price of `base` in the pool's other asset over the last
    /// `lookbackSeconds`, 1e18-scaled (quote base-units per base base-unit). Two-asset pools only;
    /// use twapOf for a stableswap pool of three or four assets.
    function twap(uint64 poolId, string calldata base, uint64 lookbackSeconds) external view returns (uint256 price);

    /// Arithmetic and geometric TWAP of `base` in `quote` over the last `lookbackSeconds`.
    function twapOf(uint64 poolId, string calldata base, string calldata quote, uint64 lookbackSeconds)
        external
        view
        returns (uint256 arithmetic, uint256 geometric);

    /// What selling `amountIn` of `denomIn` along `route` gives now (a lone swap's output).
    function quoteExactIn(Hop[] calldata route, string calldata denomIn, uint256 amountIn)
        external
        view
        returns (uint256 amountOut);

    /// What buying `amountOut` of the route's last denom costs in `denomIn` now.
    function quoteExactOut(Hop[] calldata route, string calldata denomIn, uint256 amountOut)
        external
        view
        returns (uint256 amountIn);

    /// Queues a sale of exactly `amountIn` of msg.sender's `denomIn` along `route` into the block's
    /// batch; `deadline` is a unix time (0: none). Returns the order id and the estimate (a lone
    /// swap's output, at least minOut or the call reverts).
    function swapExactIn(Hop[] calldata route, string calldata denomIn, uint256 amountIn, uint256 minOut, uint64 deadline)
        external
        returns (uint64 orderId, uint256 estimatedOut);

    /// Queues a purchase of `amountOut` of the route's last denom for at most `maxIn` of `denomIn`:
    /// the quoted input is escrowed, and the order fills with at least amountOut or is refunded.
    /// Returns the order id and the escrowed input.
    function swapExactOut(Hop[] calldata route, string calldata denomIn, uint256 amountOut, uint256 maxIn, uint64 deadline)
        external
        returns (uint64 orderId, uint256 amountIn);
}
