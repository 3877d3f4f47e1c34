// Secrets for the CLI: the ecosystem's usual environment variables
// (AWS_ACCESS_KEY_ID, NETLIFY_AUTH_TOKEN, …), the same for every target.
import type { SecretKey, SecretSource } from '../types';

export function envSecrets(env: NodeJS.ProcessEnv = process.env): SecretSource {
  return {
    get: async (_target: string, key: SecretKey) => env[key] || undefined,
  };
}
