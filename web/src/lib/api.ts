// Reads from the node's REST API (through the same-origin /api proxy).
import { plainError } from "./errors";

export class QueryError extends Error {
  constructor(
    message: string,
    public codespace: string,
    public code: number,
  ) {
    super(message);
  }
}

let restBase = "/api";
export function setRestBase(base: string) {
  restBase = base;
}

/** rest GETs a REST path; a module error comes back as a QueryError with its codespace and code. */
export async function rest<T>(path: string, params?: Record<string, string | string[] | undefined>): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
  }
  const url = restBase + path + (qs.size ? "?" + qs.toString() : "");
  const r = await fetch(url);
  const text = await r.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new QueryError(`${r.status}: ${text.slice(0, 200)}`, "", r.status);
  }
  if (!r.ok) {
    const b = body as { message?: string; code?: number };
    const msg = b.message ?? text;
    const m = /^codespace (\w+) code (\d+): /.exec(msg);
    throw new QueryError(plainError(msg), m ? m[1] : "", m ? Number(m[2]) : (b.code ?? r.status));
  }
  return body as T;
}

export interface Coin {
  denom: string;
  amount: string;
}

export async function balances(address: string): Promise<Coin[]> {
  const r = await rest<{ balances: Coin[] }>(`/cosmos/bank/v1beta1/balances/${address}`, { "pagination.limit": "200" });
  return r.balances;
}

/** refusalText is what a form shows when the chain's preview query refuses the action: the module and its message. */
export function refusalText(e: unknown): string {
  if (e instanceof QueryError && e.codespace) return `${e.codespace} would refuse it (code ${e.code}): ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}
