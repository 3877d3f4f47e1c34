// The `publish` section of `postwright.json`: named targets, one zod schema per
// kind. Secrets never live here (see electron/publish/secrets/): only where to
// publish, never how to log in, except a key file's path.
import { z } from 'zod';
import { isSafeCredentialUrl } from './loopback';

const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const common = {
  /** Where the published site is read; shown after a publish. Defaults to the site's baseUrl. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).optional(),
};

export const GitTarget = z
  .object({
    type: z.literal('git'),
    /** Any remote git understands: ssh, https or a local path / file:// URL (plain http only to this computer). */
    remote: text(2048).refine((remote) => !/^http:/i.test(remote) || isSafeCredentialUrl(remote), {
      error: 'must not be a plain http:// address (your git credentials would cross the network unencrypted); use https:// or ssh',
    }),
    branch: text(250).default('gh-pages'),
    /** `{date}` and `{count}` are filled in. */
    message: text(500).default('Publish site ({count} files changed)'),
    /** Replace the branch's history instead of adding a commit; only when asked for. */
    force: z.boolean().default(false),
    ...common,
  })
  .strict();

export const S3Target = z
  .object({
    type: z.literal('s3'),
    bucket: text(63).min(3, 'must be at least 3 characters'),
    /** Part of AWS's host name, so only what a region name can be. */
    region: text(64).regex(/^[a-z0-9-]+$/, 'must be a region name such as us-east-1 (lower-case letters, digits and "-")').default('us-east-1'),
    /** For R2, B2, MinIO and other S3-compatible stores; AWS when absent. The author confirms it once per computer. */
    endpoint: z
      .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
      .refine(isSafeCredentialUrl, { error: 'must be an https:// URL (plain http:// only to this computer: localhost, 127.0.0.0/8 or [::1])' })
      .optional(),
    prefix: z.string({ error: 'must be text' }).max(512).default(''),
    /** Path-style addressing, which most S3-compatible stores need. */
    forcePathStyle: z.boolean().optional(),
    ...common,
  })
  .strict();

export const SftpTarget = z
  .object({
    type: z.literal('sftp'),
    host: text(253),
    port: z.number({ error: 'must be a number' }).int().min(1).max(65535).default(22),
    user: text(64),
    path: text(1024),
    /** A private key file; `~` is the home folder. Without it, the ssh agent, then a password. */
    keyFile: z.string({ error: 'must be text' }).max(1024).optional(),
    ...common,
  })
  .strict();

export const NetlifyTarget = z
  .object({
    type: z.literal('netlify'),
    siteId: text(128),
    // No API address: Netlify's is fixed in code (publishAddress.ts), so a workspace cannot send the token elsewhere.
    ...common,
  })
  .strict();

export const FlyTarget = z
  .object({
    type: z.literal('fly'),
    /** The Fly app's name: also its address, https://APP.fly.dev/. Fly's rule: lowercase letters, digits and dashes. */
    app: text(63).regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and "-" (Fly app names are part of an address)'),
    /** The primary region's code, such as "ams" or "iad" (`flyctl platform regions` lists them). */
    region: text(8).regex(/^[a-z]{3}$/, 'must be a three-letter Fly region code, such as "ams"'),
    /** The Fly organization to create the app in; flyctl's default (personal) when absent. */
    org: text(100).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be an organization slug').optional(),
    ...common,
  })
  .strict();

export const PublishTarget = z.discriminatedUnion('type', [GitTarget, S3Target, SftpTarget, NetlifyTarget, FlyTarget], {
  error: 'must have a "type" of "git", "s3", "sftp", "netlify" or "fly"',
});
export type PublishTarget = z.infer<typeof PublishTarget>;
export type PublishTargetOf<T extends PublishTarget['type']> = Extract<PublishTarget, { type: T }>;

/** Target names double as file and key names, so they stay simple. */
export const TargetName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be letters, digits, "-" or "_"');

export const PublishSettings = z
  .object({
    targets: z.record(TargetName, PublishTarget).default({}),
  })
  .default({ targets: {} });
export type PublishSettings = z.infer<typeof PublishSettings>;
