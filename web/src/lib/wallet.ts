// Signing: a devnet key from its mnemonic, or Keplr/Leap when present.
import { DirectSecp256k1HdWallet, type OfflineSigner, type EncodeObject } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient, type DeliverTxResponse } from "@cosmjs/stargate";
import { absolute, type Config } from "./config";
import { agoraRegistry } from "./registry";
import { rest } from "./api";
import { type TxFailure, failureFromError } from "./errors";

export interface Wallet {
  kind: "devnet" | "keplr" | "leap";
  name: string;
  address: string;
  client: SigningStargateClient;
}

/** GAS_PRICE is above the devnet's minimum-gas-prices (0.025uagr). */
export const GAS_PRICE = "0.025";

async function connectSigner(cfg: Config, signer: OfflineSigner, kind: Wallet["kind"], name: string): Promise<Wallet> {
  const [account] = await signer.getAccounts();
  const client = await SigningStargateClient.connectWithSigner(absolute(cfg.rpc), signer, {
    registry: agoraRegistry(),
    gasPrice: GasPrice.fromString(GAS_PRICE + cfg.fee_denom),
  });
  return { kind, name, address: account.address, client };
}

export async function connectMnemonic(cfg: Config, name: string, mnemonic: string): Promise<Wallet> {
  const signer = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: cfg.bech32_prefix });
  return connectSigner(cfg, signer, "devnet", name);
}

interface KeplrLike {
  experimentalSuggestChain(info: unknown): Promise<void>;
  enable(chainId: string): Promise<void>;
  getOfflineSigner(chainId: string): OfflineSigner;
  // Keplr and Leap: a direct signer, or an amino one for a Ledger key.
  getOfflineSignerAuto?(chainId: string): Promise<OfflineSigner>;
  getKey(chainId: string): Promise<{ name: string }>;
}

export function extensionOf(kind: "keplr" | "leap"): KeplrLike | undefined {
  const w = window as unknown as { keplr?: KeplrLike; leap?: KeplrLike };
  return kind === "keplr" ? w.keplr : w.leap;
}

/** chainInfo is Keplr's experimentalSuggestChain description of this chain. */
export function chainInfo(cfg: Config) {
  const currencies = cfg.denoms.map((d) => ({ coinDenom: d.symbol, coinMinimalDenom: d.denom, coinDecimals: d.decimals }));
  const fee = currencies.find((c) => c.coinMinimalDenom === cfg.fee_denom)!;
  const p = cfg.bech32_prefix;
  return {
    chainId: cfg.chain_id,
    chainName: cfg.chain_name + (cfg.devnet ? " devnet" : ""),
    rpc: absolute(cfg.rpc),
    rest: absolute(cfg.rest),
    bip44: { coinType: cfg.coin_type },
    bech32Config: {
      bech32PrefixAccAddr: p,
      bech32PrefixAccPub: p + "pub",
      bech32PrefixValAddr: p + "valoper",
      bech32PrefixValPub: p + "valoperpub",
      bech32PrefixConsAddr: p + "valcons",
      bech32PrefixConsPub: p + "valconspub",
    },
    currencies,
    feeCurrencies: [{ ...fee, gasPriceStep: { low: 0.025, average: 0.03, high: 0.05 } }],
    stakeCurrency: fee,
  };
}

export async function connectExtension(cfg: Config, kind: "keplr" | "leap"): Promise<Wallet> {
  const ext = extensionOf(kind);
  if (!ext) throw new Error(`${kind} is not installed in this browser`);
  await ext.experimentalSuggestChain(chainInfo(cfg));
  await ext.enable(cfg.chain_id);
  const key = await ext.getKey(cfg.chain_id);
  const signer = ext.getOfflineSignerAuto ? await ext.getOfflineSignerAuto(cfg.chain_id) : ext.getOfflineSigner(cfg.chain_id);
  return connectSigner(cfg, signer, kind, key.name);
}

export interface TxOutcome {
  ok: boolean;
  hash?: string;
  height?: number;
  gasUsed?: string;
  events: DeliverTxResponse["events"];
  failure?: TxFailure;
}

/**
 * broadcast signs and sends msgs and waits for the block. A transaction the
 * simulation refuses is never signed: the module's error comes back as the
 * failure. A transaction that fails in the block gets its codespace and log
 * from the node.
 */
export async function broadcast(w: Wallet, msgs: EncodeObject[], memo = ""): Promise<TxOutcome> {
  let res: DeliverTxResponse;
  try {
    res = await w.client.signAndBroadcast(w.address, msgs, 1.5, memo);
  } catch (e) {
    return { ok: false, events: [], failure: failureFromError(e) };
  }
  if (res.code === 0) {
    return { ok: true, hash: res.transactionHash, height: res.height, gasUsed: String(res.gasUsed), events: res.events };
  }
  let failure: TxFailure = { codespace: "", code: res.code, message: res.rawLog ?? "" };
  try {
    const tx = await rest<{ tx_response: { codespace: string; code: number; raw_log: string } }>(`/cosmos/tx/v1beta1/txs/${res.transactionHash}`);
    failure = { codespace: tx.tx_response.codespace, code: tx.tx_response.code, message: tx.tx_response.raw_log };
  } catch {
    /* keep what CosmJS gave */
  }
  return { ok: false, hash: res.transactionHash, height: res.height, events: res.events, failure };
}

/** eventAttr reads a typed event's attribute (JSON-encoded by the SDK) from a tx's events. */
export function eventAttr(events: TxOutcome["events"], type: string, key: string): unknown {
  for (const e of events) {
    if (e.type !== type) continue;
    const a = e.attributes.find((x) => x.key === key);
    if (!a) continue;
    try {
      return JSON.parse(a.value);
    } catch {
      return a.value;
    }
  }
  return undefined;
}
