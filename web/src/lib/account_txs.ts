// An account's transactions: those it sent (message.sender) and those that
// paid it (transfer.recipient), merged: one entry per hash, newest first,
// each marked sent, received or both. Pure.

export type Direction = "sent" | "received" | "both";

export interface HasHashAndHeight {
  txhash: string;
  height: string;
}

export function mergeAccountTxs<T extends HasHashAndHeight>(sent: T[], received: T[]): (T & { direction: Direction })[] {
  const byHash = new Map<string, T & { direction: Direction }>();
  for (const t of sent) byHash.set(t.txhash, { ...t, direction: "sent" });
  for (const t of received) {
    const seen = byHash.get(t.txhash);
    byHash.set(t.txhash, seen ? { ...seen, direction: "both" } : { ...t, direction: "received" });
  }
  return [...byHash.values()].sort((a, b) => Number(b.height) - Number(a.height) || (a.txhash < b.txhash ? -1 : 1));
}
