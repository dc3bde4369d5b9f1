// New blocks from the CometBFT RPC websocket (through /rpc/websocket),
// with polling as the fallback when the socket closes.
export interface BlockHead {
  height: number;
  time: string;
  txs: number;
  proposer: string;
}

export function wsURL(rpcPath: string): string {
  const u = new URL(rpcPath.replace(/\/$/, "") + "/websocket", window.location.origin);
  u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
  return u.toString();
}

/** subscribeBlocks calls onBlock for each new block; returns the unsubscribe function. */
export function subscribeBlocks(rpcPath: string, onBlock: (b: BlockHead) => void, onMode?: (m: "websocket" | "polling") => void): () => void {
  let closed = false;
  let ws: WebSocket | null = null;
  let poll: ReturnType<typeof setInterval> | undefined;
  let last = 0;

  const startPolling = () => {
    if (poll || closed) return;
    onMode?.("polling");
    poll = setInterval(async () => {
      try {
        const r = await fetch(`${rpcPath}/block`).then((x) => x.json());
        const h = r.result.block.header;
        const height = Number(h.height);
        if (height > last) {
          last = height;
          onBlock({ height, time: h.time, txs: r.result.block.data.txs?.length ?? 0, proposer: h.proposer_address });
        }
      } catch {
        /* the next tick tries again */
      }
    }, 2000);
  };

  try {
    ws = new WebSocket(wsURL(rpcPath));
    ws.onopen = () => {
      onMode?.("websocket");
      ws!.send(JSON.stringify({ jsonrpc: "2.0", method: "subscribe", id: 1, params: { query: "tm.event='NewBlock'" } }));
    };
    ws.onmessage = (ev) => {
      const msg = JSON.parse(ev.data);
      const block = msg?.result?.data?.value?.block;
      if (!block) return;
      const height = Number(block.header.height);
      last = Math.max(last, height);
      onBlock({ height, time: block.header.time, txs: block.data.txs?.length ?? 0, proposer: block.header.proposer_address });
    };
    ws.onclose = () => startPolling();
    ws.onerror = () => startPolling();
  } catch {
    startPolling();
  }
  return () => {
    closed = true;
    if (poll) clearInterval(poll);
    ws?.close();
  };
}
