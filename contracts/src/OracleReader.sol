// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IAgoraOracle} from "../precompiles/IAgoraOracle.sol";

/// @title OracleReader: reads the validators' price from the oracle precompile
/// (IAgoraOracle at 0x…0900).
/// @notice `latest` returns a pair's price with its age and refuses (reverts)
/// a price the oracle flags stale or one older than this contract's own
/// `maxAgeSeconds` — fail closed: a contract never acts on an old price.
contract OracleReader {
    IAgoraOracle public immutable oracle;
    uint64 public immutable maxAgeSeconds;

    error StalePrice(string base, string quote, uint64 ageSeconds, bool flaggedStale);

    constructor(address oracle_, uint64 maxAgeSeconds_) {
        oracle = IAgoraOracle(oracle_);
        maxAgeSeconds = maxAgeSeconds_;
    }

    /// The price (1e18-scaled) of one `base` in `quote` and its age in
    /// seconds; reverts StalePrice if the oracle flags it stale or it is
    /// older than maxAgeSeconds.
    function latest(string calldata base, string calldata quote) external view returns (uint256 price, uint64 ageSeconds) {
        (uint256 p,, uint64 age, bool stale) = oracle.price(base, quote);
        if (stale || age > maxAgeSeconds) revert StalePrice(base, quote, age, stale);
        return (p, age);
    }

    /// The oracle's answer as it is, stale or not (for display).
    function raw(string calldata base, string calldata quote)
        external
        view
        returns (uint256 price, uint64 updatedAt, uint64 ageSeconds, bool stale)
    {
        return oracle.price(base, quote);
    }
}
