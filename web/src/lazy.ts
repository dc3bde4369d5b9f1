// screen makes a named export of a module a lazily loaded component: the
// bundler puts the module in its own chunk, fetched the first time the
// screen renders (under the Suspense in App.tsx).
import { lazy, type ComponentType } from "react";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

export function screen<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as M[K] & AnyComponent }));
}
