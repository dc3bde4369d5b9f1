// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAgoraDex} from "../precompiles/IAgoraDex.sol";
import {IERC20Minimal} from "./interfaces/IERC20Minimal.sol";

/// @title DcaVault: sells a bank token through Agora's dex in slices, never
/// below the pool's TWAP less a slippage allowance.
/// @notice The vault holds a bank denom (deposit: send it to the vault, as a
/// bank send or through the denom's ERC-20). Anyone may call `step()` once
/// every `interval` seconds; it sells min(slice, balance) through the dex
/// precompile (IAgoraDex at 0x…0901) with
///     minOut = ⌈ amount × twap × (10000 − maxSlippageBps) / (10^18 × 10000) ⌉
/// where twap is the pool's time-weighted price of the sold denom in the
/// bought one (1e18-scaled) over `twapLookback` seconds. The swap joins the
/// block's batch: the bought denom reaches the vault at the end of the block,
/// or the slice is refunded if the batch price is worse than minOut. Only the
/// owner withdraws (any ERC-20 the vault holds, bank denoms included).
contract DcaVault {
    uint256 private constant BPS = 10_000;

    IAgoraDex public immutable dex;
    IERC20Minimal public immutable sellToken;
    address public immutable owner;
    uint64 public immutable poolId;
    uint256 public immutable slice;
    uint64 public immutable interval;
    uint64 public immutable twapLookback;
    uint16 public immutable maxSlippageBps;
    string public sellDenom;
    string public buyDenom;

    uint64 public lastStep;
    uint64 public steps;

    event Step(uint64 indexed orderId, uint256 amountIn, uint256 twap, uint256 minOut, uint256 estimatedOut);
    event Withdraw(address indexed token, address indexed to, uint256 amount);

    constructor(
        address dex_,
        address sellToken_,
        string memory sellDenom_,
        string memory buyDenom_,
        uint64 poolId_,
        uint256 slice_,
        uint64 interval_,
        uint64 twapLookback_,
        uint16 maxSlippageBps_
    ) {
        require(slice_ > 0, "DcaVault: zero slice");
        require(maxSlippageBps_ < BPS, "DcaVault: slippage must be below 100%");
        require(twapLookback_ > 0, "DcaVault: zero TWAP lookback");
        dex = IAgoraDex(dex_);
        sellToken = IERC20Minimal(sellToken_);
        sellDenom = sellDenom_;
        buyDenom = buyDenom_;
        owner = msg.sender;
        poolId = poolId_;
        slice = slice_;
        interval = interval_;
        twapLookback = twapLookback_;
        maxSlippageBps = maxSlippageBps_;
    }

    /// The least output the dex may give for `amountIn` at price `twap`
    /// (rounded up: in the vault's favour).
    function minOutFor(uint256 amountIn, uint256 twap) public view returns (uint256) {
        uint256 num = amountIn * twap * (BPS - maxSlippageBps);
        uint256 den = 1e18 * BPS;
        return num == 0 ? 0 : (num - 1) / den + 1;
    }

    /// Sells the next slice. Reverts if called before `interval` has passed,
    /// when the vault holds nothing, or when the TWAP is zero (no price: fail
    /// closed).
    function step() external returns (uint64 orderId) {
        require(steps == 0 || block.timestamp >= uint256(lastStep) + interval, "DcaVault: too early");
        uint256 balance = sellToken.balanceOf(address(this));
        uint256 amount = balance < slice ? balance : slice;
        require(amount > 0, "DcaVault: nothing to sell");
        uint256 twap = dex.twap(poolId, sellDenom, twapLookback);
        uint256 minOut = minOutFor(amount, twap);
        require(minOut > 0, "DcaVault: no TWAP price");
        lastStep = uint64(block.timestamp);
        steps += 1;
        IAgoraDex.Hop[] memory route = new IAgoraDex.Hop[](1);
        route[0] = IAgoraDex.Hop({poolId: poolId, denomOut: buyDenom});
        uint256 estimate;
        // Deadline 0 (none): the order joins this block's batch and fills or is
        // refunded at its end; x/dex counts a deadline equal to the block
        // time as passed.
        (orderId, estimate) = dex.swapExactIn(route, sellDenom, amount, minOut, 0);
        emit Step(orderId, amount, twap, minOut, estimate);
    }

    /// The owner takes `amount` of an ERC-20 the vault holds.
    function withdraw(address token, uint256 amount) external {
        require(msg.sender == owner, "DcaVault: not the owner");
        require(IERC20Minimal(token).transfer(owner, amount), "DcaVault: transfer failed");
        emit Withdraw(token, owner, amount);
    }
}
