// usePreview asks a chain query as a form changes (debounced) and keeps
// either its answer or the module's refusal in words ("dex would refuse it
// (code 11): …"). A null path asks nothing.
import { useEffect, useState } from "react";
import { refusalText, rest } from "../lib/api";

export function usePreview<T>(path: string | null, params: Record<string, string | undefined>): { data?: T; error: string } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState("");
  const key = path + JSON.stringify(params);
  useEffect(() => {
    setData(undefined);
    setError("");
    if (!path) return;
    let live = true;
    const t = setTimeout(() => {
      rest<T>(path, params)
        .then((r) => live && setData(r))
        .catch((e) => live && setError(refusalText(e)));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return { data, error };
}
