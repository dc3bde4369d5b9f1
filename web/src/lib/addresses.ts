// Address forms of one validator: its operator (…valoper1), its account
// (same bytes, account prefix) and its consensus address (…valcons1, the
// first 20 bytes of sha256 of its ed25519 key), as the SDK derives them.
import { fromBase64, fromBech32, toBech32 } from "@cosmjs/encoding";
import { sha256 } from "@cosmjs/crypto";

/** accountOfOperator: agoravaloper1… → agora1… (the operator's own account). */
export function accountOfOperator(valoper: string, prefix: string): string {
  return toBech32(prefix, fromBech32(valoper, 90).data);
}

/** consAddressOf: an ed25519 consensus key (base64) → agoravalcons1…. */
export function consAddressOf(pubKeyBase64: string, prefix: string): string {
  return toBech32(prefix + "valcons", sha256(fromBase64(pubKeyBase64)).slice(0, 20));
}
