// Messages in words: what a transaction or a proposal does, from the
// message as the node's REST API shows it (JSON with "@type").
import { type DenomTable, formatCoin, shortAddress, symbolOf, formatDec } from "./format";
import { cdpMsgWords } from "./words_cdp";

export type JsonMsg = { "@type": string; [field: string]: unknown };
type Coin = { denom: string; amount: string };

function coins(v: unknown, t: DenomTable): string {
  const list = (Array.isArray(v) ? v : v ? [v] : []) as Coin[];
  return list.length ? list.map((c) => formatCoin(c, t)).join(" + ") : "nothing";
}

function addr(v: unknown): string {
  return typeof v === "string" ? shortAddress(v) : "?";
}

function moduleOf(type: string): string {
  const m = /^\/(?:agora|cosmos)\.([a-z]+)\./.exec(type);
  return m ? m[1] : type;
}

const VOTE_WORDS: Record<string, string> = {
  VOTE_OPTION_YES: "yes",
  VOTE_OPTION_NO: "no",
  VOTE_OPTION_ABSTAIN: "abstain",
  VOTE_OPTION_NO_WITH_VETO: "no with veto",
  "1": "yes",
  "2": "abstain",
  "3": "no",
  "4": "no with veto",
};

/** paramWords lists params as "max hops 3, swap fee 0.003". */
export function paramWords(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k.replace(/_/g, " ")} ${typeof v === "object" ? JSON.stringify(v) : String(v).match(/^\d+\.\d+$/) ? formatDec(String(v), 6) : String(v)}`)
    .join(", ");
}

function paramValue(v: unknown): string {
  if (typeof v === "string") return /^-?\d+\.\d+$/.test(v) ? formatDec(v, 6) : v;
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/**
 * paramChangeWords says what a MsgUpdateParams changes against the params
 * in force: "set dex max hops to 3 (now 4)"; every param when the current
 * ones are unknown; "re-set … unchanged" when nothing differs.
 */
export function paramChangeWords(msg: JsonMsg, current?: Record<string, unknown>): string {
  const mod = moduleOf(msg["@type"]);
  const next = (msg as Record<string, unknown>).params as Record<string, unknown> | undefined;
  if (!next) return `set ${mod} params`;
  if (!current) return `set ${mod} params: ${paramWords(next)}`;
  const changes = Object.entries(next)
    .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(current[k]))
    .map(([k, v]) => `${k.replace(/_/g, " ")} to ${paramValue(v)} (now ${current[k] === undefined ? "unset" : paramValue(current[k])})`);
  return changes.length ? `set ${mod} ${changes.join(", ")}` : `re-set ${mod} params unchanged`;
}

/** msgWords says in one line what a message does. */
export function msgWords(msg: JsonMsg, t: DenomTable): string {
  const m = msg as Record<string, unknown>;
  switch (msg["@type"]) {
    case "/cosmos.bank.v1beta1.MsgSend":
      return `send ${coins(m.amount, t)} from ${addr(m.from_address)} to ${addr(m.to_address)}`;
    case "/agora.dex.v1.MsgSwapExactIn": {
      const route = (m.route as { pool_id: string; denom_out: string }[]) ?? [];
      const out = route.length ? symbolOf(route[route.length - 1].denom_out, t) : "?";
      return `swap ${coins(m.token_in, t)} for at least ${coins({ denom: route.at(-1)?.denom_out ?? "", amount: String(m.min_out) }, t)} through pool${route.length > 1 ? "s" : ""} ${route.map((h) => h.pool_id).join(" → ")} (${out})`;
    }
    case "/agora.dex.v1.MsgSwapExactOut":
      return `swap at most ${coins({ denom: String(m.denom_in), amount: String(m.max_in) }, t)} for ${coins(m.token_out, t)}`;
    case "/agora.dex.v1.MsgJoinPool":
      return `add liquidity to pool ${m.pool_id}: up to ${coins(m.max_amounts_in, t)}`;
    case "/agora.dex.v1.MsgExitPool":
      return `remove liquidity from pool ${m.pool_id}: ${m.shares_in} shares`;
    case "/agora.dex.v1.MsgJoinSingleAsset":
      return `add ${coins(m.token_in, t)} to pool ${m.pool_id} (single asset)`;
    case "/agora.dex.v1.MsgExitSingleAsset":
      return `remove ${m.shares_in} shares of pool ${m.pool_id} as ${symbolOf(String(m.denom_out), t)}`;
    case "/agora.dex.v1.MsgCreatePool":
      return `create a pool with ${coins(m.initial_liquidity, t)}`;
    case "/agora.lend.v1.MsgSupply":
      return `supply ${coins(m.amount, t)} to the money market`;
    case "/agora.lend.v1.MsgWithdraw":
      return m.all ? `withdraw all ${symbolOf(String((m.amount as Coin)?.denom ?? ""), t)} supplied` : `withdraw ${coins(m.amount, t)}`;
    case "/agora.lend.v1.MsgSupplyCollateral":
      return `supply ${coins(m.amount, t)} as collateral`;
    case "/agora.lend.v1.MsgCollateralize":
      return `use ${coins(m.amount, t)} as collateral`;
    case "/agora.lend.v1.MsgDecollateralize":
      return `stop using ${coins(m.amount, t)} as collateral`;
    case "/agora.lend.v1.MsgBorrow":
      return `borrow ${coins(m.amount, t)}`;
    case "/agora.lend.v1.MsgRepay":
      return m.all ? `repay all ${symbolOf(String((m.amount as Coin)?.denom ?? ""), t)} debt of ${addr(m.borrower)}` : `repay ${coins(m.amount, t)} of ${addr(m.borrower)}'s debt`;
    case "/agora.lend.v1.MsgLiquidate":
      return `liquidate ${addr(m.borrower)}: repay ${symbolOf(String(m.repay_denom), t)}, seize ${symbolOf(String(m.collateral_denom), t)}`;
    case "/cosmos.gov.v1.MsgVote":
    case "/cosmos.gov.v1beta1.MsgVote":
      return `vote ${VOTE_WORDS[String(m.option)] ?? String(m.option)} on proposal ${m.proposal_id}`;
    case "/cosmos.gov.v1.MsgDeposit":
    case "/cosmos.gov.v1beta1.MsgDeposit":
      return `deposit ${coins(m.amount, t)} on proposal ${m.proposal_id}`;
    case "/cosmos.gov.v1.MsgSubmitProposal": {
      const inner = ((m.messages as JsonMsg[]) ?? []).map((x) => msgWords(x, t));
      return `propose "${m.title ?? ""}"${inner.length ? ": " + inner.join("; ") : ""}`;
    }
    case "/cosmos.staking.v1beta1.MsgDelegate":
      return `stake ${coins(m.amount, t)} with ${addr(m.validator_address)}`;
    case "/cosmos.staking.v1beta1.MsgUndelegate":
      return `unstake ${coins(m.amount, t)} from ${addr(m.validator_address)}`;
    case "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward":
      return `claim staking rewards from ${addr(m.validator_address)}`;
    case "/agora.oracle.v1.MsgAggregatePriceVote":
      return "oracle price vote";
    default: {
      const cdp = cdpMsgWords(msg["@type"], m, t);
      if (cdp) return cdp;
      if (msg["@type"].endsWith(".MsgUpdateParams") && m.params) {
        return `set ${moduleOf(msg["@type"])} params: ${paramWords(m.params as Record<string, unknown>)}`;
      }
      return `${moduleOf(msg["@type"])}: ${msg["@type"].split(".").pop()}`;
    }
  }
}
