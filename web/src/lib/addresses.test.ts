import { describe, expect, it } from "vitest";
import { accountOfOperator, consAddressOf } from "./addresses";

// The devnet validator as agorad reports it: staking validators (operator,
// consensus key), devnet-keys.json (account), slashing signing_infos (valcons).
describe("a validator's addresses", () => {
  it("operator to account", () => {
    expect(accountOfOperator("agoravaloper1qef90nlku760lax5v5mv78fv2z803tcr4tr3gz", "agora")).toBe("agora1qef90nlku760lax5v5mv78fv2z803tcrx5m959");
  });
  it("consensus key to valcons", () => {
    expect(consAddressOf("FG4K/tsgND85dHWcN7mgyAGLass0VR2fUzyQQ5qVHgQ=", "agora")).toBe("agoravalcons12zkgh3kma79zcgrrjkq4pmtphen5xvyrakq4hl");
  });
});
