// The Publish settings form as data: which fields each kind of target has, and
// the step between what the fields hold (text) and what postwright.json holds
// (only what the author set; the schema fills in the rest).
import type { PublishTargetConfig } from '../../common/publish';
import { PublishTarget } from '../../common/publishSettings';

export type TargetType = PublishTarget['type'];

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly kind: 'text' | 'number' | 'checkbox';
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly hint?: string;
}

const url: FieldSpec = { key: 'url', label: 'Site address', kind: 'text', placeholder: 'https://example.com/', hint: 'Shown after publishing; the site’s baseUrl when empty.' };

export const targetTypes: readonly { type: TargetType; label: string; hint: string }[] = [
  { type: 'git', label: 'Git branch', hint: 'GitHub, GitLab or Codeberg Pages, or any host that deploys from git. Uses your own git keys and credential helpers.' },
  { type: 's3', label: 'S3', hint: 'AWS S3, Cloudflare R2, Backblaze B2, MinIO and other S3-compatible storage.' },
  { type: 'sftp', label: 'SFTP', hint: 'Your own server over SSH: a key file, the ssh agent or a password.' },
  { type: 'netlify', label: 'Netlify', hint: 'Deploys atomically through Netlify’s API.' },
  { type: 'fly', label: 'Fly.io', hint: 'A small nginx app close to your readers, deployed with flyctl on Fly’s remote builder (no Docker needed here).' },
];

export const fieldsFor: Readonly<Record<TargetType, readonly FieldSpec[]>> = {
  git: [
    { key: 'remote', label: 'Remote', kind: 'text', required: true, placeholder: 'git@github.com:me/me.github.io.git' },
    { key: 'branch', label: 'Branch', kind: 'text', placeholder: 'gh-pages' },
    { key: 'message', label: 'Commit message', kind: 'text', placeholder: 'Publish site ({count} files changed)', hint: '{date} and {count} are filled in.' },
    url,
    { key: 'force', label: 'Replace the branch’s history (force-push)', kind: 'checkbox' },
  ],
  s3: [
    { key: 'bucket', label: 'Bucket', kind: 'text', required: true, placeholder: 'my-blog' },
    { key: 'region', label: 'Region', kind: 'text', placeholder: 'us-east-1' },
    { key: 'endpoint', label: 'Endpoint', kind: 'text', placeholder: 'https://…', hint: 'For R2, B2, MinIO and others; empty for AWS.' },
    { key: 'prefix', label: 'Folder in the bucket', kind: 'text', placeholder: 'blog/' },
    url,
    { key: 'forcePathStyle', label: 'Path-style addresses (most S3-compatible stores need this)', kind: 'checkbox' },
  ],
  sftp: [
    { key: 'host', label: 'Host', kind: 'text', required: true, placeholder: 'example.org' },
    { key: 'port', label: 'Port', kind: 'number', placeholder: '22' },
    { key: 'user', label: 'User', kind: 'text', required: true },
    { key: 'path', label: 'Folder on the server', kind: 'text', required: true, placeholder: '/var/www/blog' },
    { key: 'keyFile', label: 'Key file', kind: 'text', placeholder: '~/.ssh/id_ed25519', hint: 'Empty: the ssh agent, then the password below.' },
    url,
  ],
  netlify: [{ key: 'siteId', label: 'Site ID', kind: 'text', required: true, placeholder: 'The API ID from Site settings' }, url],
  fly: [
    { key: 'app', label: 'App name', kind: 'text', required: true, placeholder: 'my-blog', hint: 'Also the address: https://my-blog.fly.dev/. Created on the first publish.' },
    { key: 'region', label: 'Region', kind: 'text', required: true, placeholder: 'ams', hint: 'Where the app runs, such as ams, iad or syd (flyctl platform regions).' },
    { key: 'org', label: 'Organization', kind: 'text', placeholder: 'personal', hint: 'Empty: flyctl’s default.' },
    url,
  ],
};

export type FieldValues = Record<string, string | boolean>;
/** A target as postwright.json holds it. */
export type TargetJson = Record<string, string | number | boolean>;

/** The form's values for a saved config (or an empty one). */
export function valuesOf(config: PublishTargetConfig | null): FieldValues {
  const values: FieldValues = {};
  for (const [key, value] of Object.entries(config ?? {})) {
    if (key !== 'type') values[key] = typeof value === 'boolean' ? value : String(value);
  }
  return values;
}

/**
 * The config to save: the type's fields that hold something, trimmed; a box
 * left unticked is left out. Only what the form shows is saved: a key the
 * author cannot see (one a shared postwright.json slipped in) is never kept.
 */
export function configOf(type: TargetType, values: FieldValues): TargetJson {
  const config: TargetJson = { type };
  for (const field of fieldsFor[type]) {
    const value = values[field.key];
    if (field.kind === 'checkbox') {
      if (value === true) config[field.key] = true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) continue;
    config[field.key] = field.kind === 'number' && /^\d+$/.test(text) ? Number(text) : text;
  }
  return config;
}

/** Field key → what is wrong with it ('' for the target as a whole), in the schema's words. */
export function problemsOf(config: TargetJson): Record<string, string> {
  const parsed = PublishTarget.safeParse(config);
  if (parsed.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    // The form leaves out what is empty, so a missing required key is an empty field.
    problems[key] ??= key && config[key] === undefined ? 'must not be empty' : typeof config[key] === 'string' && issue.code === 'invalid_type' ? 'must be a number' : issue.message;
  }
  return problems;
}

/** One line about where a target publishes, for the list. */
export function describeTarget(config: PublishTargetConfig): string {
  switch (config.type) {
    case 'git':
      return `${config.branch ?? 'gh-pages'} of ${config.remote}`;
    case 's3':
      return `s3://${config.bucket}/${config.prefix ?? ''}${config.endpoint ? ` at ${config.endpoint}` : ''}`;
    case 'sftp':
      return `${config.user}@${config.host}${config.port && config.port !== 22 ? `:${config.port}` : ''}:${config.path}`;
    case 'netlify':
      return `Netlify site ${config.siteId}`;
    case 'fly':
      return `Fly app ${config.app} in ${config.region}`;
  }
}
