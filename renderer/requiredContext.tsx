// A React context a component cannot do without (the API, the window's parts):
// its hook returns what the provider above holds, and rendering outside one is
// a wiring mistake said at once, naming the hook and the provider it wants.
import { createContext, useContext, type ReactNode } from 'react';

export function requiredContext<T>(hook: string, provider: string) {
  const Context = createContext<T | null>(null);
  function Provider({ value, children }: { value: T; children: ReactNode }) {
    return <Context.Provider value={value}>{children}</Context.Provider>;
  }
  function use(): T {
    const value = useContext(Context);
    if (value === null) throw new Error(`${hook}: no <${provider}> above this component.`);
    return value;
  }
  return { Provider, use };
}
