// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @dev The oracle precompile's fixed address (docs/contracts.md).
address constant AGORA_ORACLE_ADDRESS = 0x0000000000000000000000000000000000000900;

/// @title Agora's oracle precompile: x/oracle's validator prices, read from Solidity.
/// @notice A pair is named by its base and quote symbols as x/oracle lists it ("BTC", "USD" for
/// "BTC/USD"; case does not matter). Prices are 1e18-scaled: quote units per one whole base unit
/// (the oracle's own decimal price, e.g. 60000e18 for BTC at 60,000 USD).
interface IAgoraOracle {
    /// The pair's current price, when it was set (unix seconds), its age in seconds at this block,
    /// and whether x/oracle calls it stale (older than max_price_age_blocks). A stale price is
    /// returned with stale = true, never silently. Reverts for a pair that is not listed or has
    /// never had a price (the revert reason is x/oracle's error).
    function price(string calldata base, string calldata quote)
        external
        view
        returns (uint256 price, uint64 updatedAt, uint64 ageSeconds, bool stale);

    /// The price to value collateral with (what x/lend and x/cdp use): the lowest of the current
    /// price, the historic median and the pair's dex guard TWAP. Reverts when the price is missing
    /// or stale, or when the guard cannot be computed (fail closed).
    function collateralPrice(string calldata base, string calldata quote) external view returns (uint256 price);

    /// The price to value debt with: the highest of the same inputs, failing in the same cases.
    function debtPrice(string calldata base, string calldata quote) external view returns (uint256 price);
}
