// What the app is told about publishing: each target's public settings, which
// of its secrets are set (never their values), when it last published, and
// what a run did. The settings themselves are in publishSettings.ts.
import { z } from 'zod';
import type { ErrorData } from './errors';
import type { LastPublished, PublishProgress } from './publishResult';
import type { PublishTarget } from './publishSettings';

export type { LastPublished, PublishProgress } from './publishResult';

/** A target's settings as postwright.json holds them: defaults not filled in. */
export type PublishTargetConfig = z.input<typeof PublishTarget>;

/** Secrets go by their ecosystem's environment names, so the CLI and the app agree. */
export const SecretKey = z.enum(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'NETLIFY_AUTH_TOKEN', 'POSTWRIGHT_SFTP_PASSWORD', 'FLY_API_TOKEN']);
export type SecretKey = z.infer<typeof SecretKey>;

/** The secrets each kind of target can use, in the order the settings dialog asks for them. */
export const secretKeysFor: Readonly<Record<PublishTarget['type'], readonly SecretKey[]>> = {
  git: [],
  s3: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
  sftp: ['POSTWRIGHT_SFTP_PASSWORD'],
  netlify: ['NETLIFY_AUTH_TOKEN'],
  fly: ['FLY_API_TOKEN'],
};

/** Where a secret that is set comes from: the app's keychain, or the environment it was started in. */
export type SecretOrigin = 'keychain' | 'environment';


export interface PublishTargetInfo {
  readonly name: string;
  readonly config: PublishTargetConfig;
  /** One entry per key of secretKeysFor[type]: where it is set, or null. */
  readonly secrets: Readonly<Partial<Record<SecretKey, SecretOrigin | null>>>;
  readonly last: LastPublished | null;
}

export interface SecretStoreInfo {
  /** `keychain`: the app's, through the OS (safeStorage). `environment`: the CLI and the browser bridge read env vars only. */
  readonly kind: 'keychain' | 'environment';
  /** False where the OS offers no real keychain (Linux's basic_text): stored secrets are only obfuscated. */
  readonly encrypted: boolean;
  /** The author agreed to keep secrets without encryption; until then none are stored. */
  readonly plainTextAllowed: boolean;
}

export interface PublishOverview {
  readonly targets: readonly PublishTargetInfo[];
  readonly secretStore: SecretStoreInfo;
}

/** What one target's publish did (or, for a dry run, would do). */
export interface PublishTargetResult {
  readonly target: string;
  readonly dryRun: boolean;
  readonly uploaded: { readonly files: number; readonly bytes: number };
  readonly deleted: number;
  /** The paths uploaded and deleted, in order (what a dry run lists). */
  readonly uploads: readonly string[];
  readonly deletes: readonly string[];
  /** Where the published site is read. */
  readonly url?: string;
  /** Future-dated posts this publish left out, and when the soonest goes live (ISO 8601). */
  readonly scheduled: { readonly count: number; readonly next: string | null };
  /** What a dry run would run (Fly: the staging folder and the flyctl commands). */
  readonly notes?: readonly string[];
  /** Where the credentials went (publishAddress.ts): shown beside the result. */
  readonly address: string;
}

/** Each target's outcome: a failing target names itself and says what to do; the others still count. */
export type PublishOutcome = ({ readonly ok: true } & PublishTargetResult) | { readonly ok: false; readonly target: string; readonly error: ErrorData };

export type ConnectionTest = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly error: ErrorData };

export type PublishPhase = PublishProgress['phase'];

/** What `postwright schedule github` (and its button) did. */
export interface ScheduleResult {
  /** The workflow file, absolute. */
  readonly file: string;
  readonly status: 'created' | 'updated' | 'unchanged';
  /** Repository secrets to add, by name; "(optional)" marks those a target can do without. */
  readonly secrets: readonly string[];
  /** What else CI needs for these targets (a deploy key, a trusted host key…). */
  readonly notes: readonly string[];
}

const Count = z.object({ done: z.number().min(0), total: z.number().min(0) });
/** The `publish.progress` event's payload: publishResult.ts's PublishProgress, as a schema. */
export const PublishProgressEvent = z.object({
  target: z.string(),
  phase: z.enum(['building', 'checking', 'connecting', 'comparing', 'uploading', 'deleting', 'finishing']),
  files: Count,
  bytes: Count,
  detail: z.string().max(200).optional(),
}) satisfies z.ZodType<PublishProgress>;

const sha256Fingerprint = /SHA256:[A-Za-z0-9+/]{43}=?/;

/** The SSH key fingerprint a `host-key` error shows, for the prompt that asks the author to trust it. */
export function hostKeyFingerprint(message: string): string | null {
  return sha256Fingerprint.exec(message)?.[0] ?? null;
}

/** The address an `untrusted-endpoint` error names, for the prompt that asks the author to confirm it. */
export function untrustedAddress(message: string): string | null {
  return /credentials to <([^>]+)>/.exec(message)?.[1] ?? null;
}
