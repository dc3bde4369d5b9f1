// A failed transaction in plain words: the module's own message, without
// the SDK's wrapping, and which module refused it.

const WRAPPERS = [
  /^failed to execute message; message index: \d+: /,
  /^Broadcasting transaction failed with code \d+ \(codespace: [a-z]+\)\. Log: /,
  /^Query failed with \(\d+\): /,
  /^Error: /,
  /^rpc error: code = \w+ desc = /,
];

export interface TxFailure {
  codespace: string;
  code: number;
  message: string;
}

/** plainError strips the SDK's wrapping from a log or an error message. */
export function plainError(log: string): string {
  let s = log.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of WRAPPERS) {
      const next = s.replace(w, "");
      if (next !== s) {
        s = next;
        changed = true;
      }
    }
  }
  // "… [cosmos/cosmos-sdk@v0.53.0/baseapp/baseapp.go:1000] With gas wanted …"
  s = s.replace(/ \[[^\]]*\.go:\d+\].*$/, "").replace(/ With gas wanted: .*$/, "");
  // "codespace lend code 15: " (REST query errors)
  s = s.replace(/^codespace \w+ code \d+: /, "");
  return s;
}

/** describeFailure is the line a user sees: "dex refused it (code 7): swap output … below min_out …". */
export function describeFailure(f: TxFailure): string {
  if (!f.code && !f.codespace) {
    // The simulation refused it (CosmJS keeps only the log): nothing was signed.
    return `the chain refused it before signing: ${plainError(f.message)}`;
  }
  const who = f.codespace && f.codespace !== "sdk" ? `${f.codespace} refused it` : "the chain refused it";
  return `${who} (code ${f.code}): ${plainError(f.message)}`;
}

/** failureFromError reads codespace and code out of an error CosmJS or a query threw. */
export function failureFromError(e: unknown): TxFailure {
  const text = e instanceof Error ? e.message : String(e);
  // "Broadcasting transaction failed with code 5 (codespace: sdk)" — a
  // simulation failure ("Query failed with (6): …") carries neither.
  const cs = /\(codespace:? (\w+)\)/.exec(text);
  const code = /with code (\d+)/.exec(text);
  return { codespace: cs ? cs[1] : "", code: code ? Number(code[1]) : 0, message: text };
}
