// The parameter-change proposal form, started from a module's params in force.
import { useState } from "react";
import { useApp, useQuery } from "../../state";
import { rest } from "../../lib/api";
import { parseUnits } from "../../lib/format";
import { decToAtomics } from "../../lib/dec";
import { Card, ErrorLine, NeedWallet, TxResult } from "../../components/common";
import type { TxOutcome } from "../../lib/wallet";
import { Params as DexParams } from "../../gen/agora/dex/v1/params";
import { Params as LendParams } from "../../gen/agora/lend/v1/params";
import { Params as OracleParams } from "../../gen/agora/oracle/v1/params";
import { agoraRegistry } from "../../lib/registry";
import { proposalMessages } from "../../lib/gov_timelock";

const MODULES = {
  dex: { params: DexParams, typeUrl: "/agora.dex.v1.MsgUpdateParams" },
  lend: { params: LendParams, typeUrl: "/agora.lend.v1.MsgUpdateParams" },
  oracle: { params: OracleParams, typeUrl: "/agora.oracle.v1.MsgUpdateParams" },
} as const;

type ModuleName = keyof typeof MODULES;

/** decimalsToAtomics rewrites every chain decimal ("0.003000000000000000") in a params JSON to its wire form. */
export function decimalsToAtomics(v: unknown): unknown {
  if (typeof v === "string" && /^-?\d+\.\d{18}$/.test(v)) return decToAtomics(v);
  if (Array.isArray(v)) return v.map(decimalsToAtomics);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decimalsToAtomics(x)]));
  return v;
}

export function ParamChangeForm() {
  const { wallet, send, cfg } = useApp();
  const [mod, setMod] = useState<ModuleName>("dex");
  const current = useQuery(() => rest<{ params: Record<string, unknown> }>(`/agora/${mod}/v1/params`).then((r) => r.params), [mod]);
  const gov = useQuery(() => rest<{ account: { base_account: { address: string } } }>("/cosmos/auth/v1beta1/module_accounts/gov").then((r) => r.account.base_account.address), []);
  // The timelock's account ("" on a chain without one): Agora's params changes name it and wait in its queue.
  const timelock = useQuery(() => rest<{ account: { base_account: { address: string } } }>("/cosmos/auth/v1beta1/module_accounts/timelock").then((r) => r.account.base_account.address, () => ""), []);
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [title, setTitle] = useState("");
  const [deposit, setDeposit] = useState("10");
  const [error, setError] = useState("");
  const [outcome, setOutcome] = useState<TxOutcome>();

  const fields = Object.entries(current.data ?? {});
  const valueOf = (k: string, v: unknown) => edited[`${mod}.${k}`] ?? (typeof v === "string" ? v : JSON.stringify(v));

  const submit = async () => {
    if (!wallet || !current.data || !gov.data || timelock.data === undefined) return;
    setError("");
    try {
      const next: Record<string, unknown> = {};
      for (const [k, v] of fields) {
        const text = valueOf(k, v);
        next[k] = typeof v === "string" ? text : JSON.parse(text);
      }
      const m = MODULES[mod];
      const params = m.params.fromJSON(decimalsToAtomics(next));
      const changed = fields.filter(([k, v]) => valueOf(k, v) !== (typeof v === "string" ? v : JSON.stringify(v))).map(([k]) => k);
      const registry = agoraRegistry();
      const messages = proposalMessages((x) => registry.encodeAsAny(x), gov.data, timelock.data, m.typeUrl, { params }, `set ${mod} ${changed.join(", ") || "params"}`);
      const msg = {
        typeUrl: "/cosmos.gov.v1.MsgSubmitProposal",
        value: {
          messages,
          initialDeposit: [{ denom: cfg.fee_denom, amount: parseUnits(deposit, 6) }],
          proposer: wallet.address,
          metadata: "",
          title: title || `Set ${mod} ${changed.join(", ") || "params"}`,
          summary: `Changes ${mod} params: ${changed.join(", ") || "none"}.`,
          expedited: false,
        },
      };
      setOutcome(await send(`propose a ${mod} params change`, [msg]));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Card title="Propose a parameter change">
      <NeedWallet>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label>
            Module
            <select value={mod} onChange={(e) => setMod(e.target.value as ModuleName)} data-testid="param-module">
              {Object.keys(MODULES).map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </label>
          <p className="small muted">The fields start at the current values; change the ones you want. Lists and objects are JSON.</p>
          {fields.map(([k, v]) => (
            <label key={`${mod}.${k}`}>
              {k.replace(/_/g, " ")}
              <input value={valueOf(k, v)} onChange={(e) => setEdited({ ...edited, [`${mod}.${k}`]: e.target.value })} data-testid={`param-${k}`} />
            </label>
          ))}
          <label>
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="(made from the changes)" data-testid="param-title" />
          </label>
          <label>
            Deposit (AGR)
            <input value={deposit} onChange={(e) => setDeposit(e.target.value)} />
          </label>
          <button type="submit" data-testid="param-submit">
            Submit proposal
          </button>
        </form>
        <ErrorLine error={error} />
        <TxResult outcome={outcome} />
      </NeedWallet>
    </Card>
  );
}
