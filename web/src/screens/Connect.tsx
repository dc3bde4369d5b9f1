// Connect: Keplr or Leap when installed; on the devnet, its test keys.
import { useEffect, useState } from "react";
import { useApp } from "../state";
import { loadDevnetKeys, type DevnetKey } from "../lib/config";
import { connectExtension, connectMnemonic, extensionOf } from "../lib/wallet";
import { Card, ErrorLine } from "../components/common";
import { navigate } from "../router";

export function Connect() {
  const { cfg, wallet, setWallet } = useApp();
  const [keys, setKeys] = useState<DevnetKey[]>([]);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState("");

  useEffect(() => {
    if (cfg.devnet) loadDevnetKeys().then(setKeys);
  }, [cfg.devnet]);

  const use = async (label: string, connect: () => ReturnType<typeof connectMnemonic>) => {
    setBusy(label);
    setError("");
    try {
      setWallet(await connect());
      navigate("/");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy("");
    }
  };

  return (
    <div className="screen">
      <h1>Connect a wallet</h1>
      {wallet && (
        <p>
          Connected as <b>{wallet.name}</b> ({wallet.address}).{" "}
          <button onClick={() => setWallet(null)}>Disconnect</button>
        </p>
      )}
      <Card title="Browser wallet">
        <div className="row">
          {(["keplr", "leap"] as const).map((k) => (
            <button key={k} disabled={!extensionOf(k) || !!busy} onClick={() => use(k, () => connectExtension(cfg, k))}>
              {k === "keplr" ? "Keplr" : "Leap"}
              {!extensionOf(k) && " (not installed)"}
            </button>
          ))}
        </div>
        <p className="hint">The chain is suggested to the wallet with its RPC and REST at this address ({window.location.origin}).</p>
      </Card>
      {cfg.devnet && (
        <Card title="Devnet test accounts">
          <p className="warning" role="note">
            Devnet only: these keys are public (their mnemonics are in Agora's docs), anyone can spend what they hold.
            The key is kept in this tab's memory only and forgotten when you close it. Never send real funds to them.
          </p>
          <div className="key-list">
            {keys.map((k) => (
              <button key={k.name} disabled={!!busy} data-testid={`devnet-key-${k.name}`} onClick={() => use(k.name, () => connectMnemonic(cfg, k.name, k.mnemonic))}>
                Use <b>{k.name}</b> <span className="mono">{k.address}</span>
              </button>
            ))}
          </div>
        </Card>
      )}
      {busy && <p>Connecting {busy}…</p>}
      <ErrorLine error={error} />
    </div>
  );
}
