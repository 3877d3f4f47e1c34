// Where a publish target sends the author's credentials, as the author sees it
// before anything is sent. postwright.json belongs to the workspace, which may
// be a stranger's: it may name the host of an S3-compatible store, an SFTP
// server or a git remote, but the app asks the author, once per computer,
// before credentials go there. Netlify's and AWS's API hosts are fixed in code,
// so no setting in the workspace can move them.
import type { PublishTargetConfig } from './publish';

export interface CredentialAddress {
  /** What the author is shown and confirms: "https://minio.example:9000", "sftp://example.org:22", a git remote. */
  readonly address: string;
  /** False where the workspace cannot choose the host (AWS, Netlify) or nothing leaves this computer (a local git remote). */
  readonly confirm: boolean;
}

export const NETLIFY_API = 'https://api.netlify.com/api/v1/';

export function credentialAddress(config: PublishTargetConfig): CredentialAddress {
  switch (config.type) {
    case 'netlify':
      return { address: new URL(NETLIFY_API).origin, confirm: false };
    case 's3':
      if (!config.endpoint) return { address: `https://s3.${config.region ?? 'us-east-1'}.amazonaws.com`, confirm: false };
      return { address: originOf(config.endpoint), confirm: true };
    case 'sftp': {
      const host = config.host.includes(':') ? `[${config.host}]` : config.host;
      return { address: `sftp://${host}:${config.port ?? 22}`, confirm: true };
    }
    case 'git':
      return gitAddress(config.remote);
    case 'fly':
      // flyctl sends the token to Fly's API, a host flyctl fixes; nothing in the workspace (fly.toml included) moves it.
      return { address: 'https://api.fly.io', confirm: false };
  }
}

/** The key a confirmation is stored under: the kind of credentials and where they go. */
export function confirmationKey(config: PublishTargetConfig): string {
  return `${config.type} ${credentialAddress(config).address}`;
}

function originOf(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    return text;
  }
}

/**
 * Git's three ways of naming a remote (git-clone(1), "GIT URLS"): a URL with a
 * scheme, scp-like `[user@]host:path`, or a local path. Credentials (ssh keys,
 * a credential helper's password) go to the host of the first two; a file://
 * URL or a path stays on this computer.
 */
function gitAddress(remote: string): CredentialAddress {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(remote)) {
    let url: URL;
    try {
      url = new URL(remote);
    } catch {
      return { address: remote, confirm: true };
    }
    if (url.protocol === 'file:') return { address: remote, confirm: false };
    // A token in the remote's user part is the workspace's, not the author's: it is not shown.
    return { address: `${url.protocol}//${url.host}${url.pathname}`, confirm: true };
  }
  // "C:\blog" or "C:/blog" is a Windows path, not a host called C (git treats it the same way).
  const scpLike = /^[^/\\]+:/.test(remote) && !/^[A-Za-z]:[\\/]/.test(remote);
  return { address: remote, confirm: scpLike };
}
