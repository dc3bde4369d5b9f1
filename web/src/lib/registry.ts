// The CosmJS registry: the SDK's messages plus Agora's, generated from
// proto/ by scripts/protogen.sh (ts-proto).
import { Registry, type GeneratedType } from "@cosmjs/proto-signing";
import { defaultRegistryTypes } from "@cosmjs/stargate";
import * as cdp from "../gen/agora/cdp/v1/tx";
import * as dex from "../gen/agora/dex/v1/tx";
import * as incentives from "../gen/agora/incentives/v1/tx";
import * as forum from "../gen/agora/forum/v1/tx";
import * as lend from "../gen/agora/lend/v1/tx";
import * as margin from "../gen/agora/margin/v1/tx";
import * as oracle from "../gen/agora/oracle/v1/tx";
import * as synth from "../gen/agora/synth/v1/tx";
import * as timelock from "../gen/agora/timelock/v1/tx";

function typesOf(pkg: string, mod: Record<string, unknown>): [string, GeneratedType][] {
  const out: [string, GeneratedType][] = [];
  for (const [name, v] of Object.entries(mod)) {
    if (/^Msg\w+$/.test(name) && !name.endsWith("Response") && v && typeof v === "object" && "encode" in v) {
      out.push([`/${pkg}.${name}`, v as GeneratedType]);
    }
  }
  return out;
}

export const agoraTypes: [string, GeneratedType][] = [
  ...typesOf("agora.cdp.v1", cdp),
  ...typesOf("agora.dex.v1", dex),
  ...typesOf("agora.incentives.v1", incentives),
  ...typesOf("agora.forum.v1", forum),
  ...typesOf("agora.lend.v1", lend),
  ...typesOf("agora.margin.v1", margin),
  ...typesOf("agora.oracle.v1", oracle),
  ...typesOf("agora.synth.v1", synth),
  ...typesOf("agora.timelock.v1", timelock),
];

export function agoraRegistry(): Registry {
  return new Registry([...defaultRegistryTypes, ...agoraTypes]);
}
