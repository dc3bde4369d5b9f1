// useChainPreview runs one of margin's simulate queries a moment after the
// form settles: the chain's answer, its refusal in margin's words (which
// disables signing), or nothing while the form is incomplete.
import { useEffect, useState } from "react";
import { refusalText } from "../../lib/api";

export function useChainPreview<T extends { error: string; codespace?: string; code?: number }>(
  key: string | null,
  run: () => Promise<T>,
): { data?: T; error: string; loading: boolean } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setData(undefined);
    setError("");
    if (key === null) return;
    let live = true;
    setLoading(true);
    const t = setTimeout(() => {
      run()
        .then((r) => {
          if (!live) return;
          if (r.error) setError(`margin would refuse it${r.codespace ? ` (${r.codespace} code ${r.code})` : ""}: ${r.error}`);
          else setData(r);
        })
        .catch((e) => live && setError(refusalText(e)))
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { data, error, loading };
}
