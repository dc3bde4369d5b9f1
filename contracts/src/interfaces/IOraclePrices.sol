// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice What the example contracts need from Agora's oracle precompile
/// (issue 17's terms). The precompile's own interface is
/// contracts/precompiles/IAgoraOracle.sol; this one is replaced by it as
/// soon as it exists.
interface IOraclePrices {
    /// A pair's stake-weighted median price, 1e18-scaled, when it was set,
    /// its age in seconds, and whether x/oracle calls it stale.
    function price(string calldata base, string calldata quote)
        external
        view
        returns (uint256 price, uint64 updatedAt, uint64 ageSeconds, bool stale);
}
