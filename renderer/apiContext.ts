// The backend's API reaches components one way: main.tsx provides the client it
// made, as it injects it into the session and the stores, and components take it
// with useApi(). A test renders a component inside <ApiProvider> with a fake.
import type { BlogApi } from '../common/api';
import { requiredContext } from './requiredContext';

const api = requiredContext<BlogApi>('useApi', 'ApiProvider');

export const ApiProvider = api.Provider;
export const useApi = api.use;
