// The backend's API reaches components one way: main.tsx provides the client it
// made, as it injects it into the session and the stores, and components take it
// with useApi(). A test renders a component inside <ApiProvider> with a fake.
import { createContext, useContext, type ReactNode } from 'react';
import type { BlogApi } from '../common/api';

const ApiContext = createContext<BlogApi | null>(null);

export function ApiProvider({ api, children }: { api: BlogApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The API main.tsx provided; a component rendered outside the provider is a wiring mistake, said at once. */
export function useApi(): BlogApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi: no <ApiProvider> above this component.');
  return api;
}
