import { describe, expect, it } from 'vitest';
import { redactUrls } from '../../../../electron/publish/secrets/redact';

describe('redactUrls', () => {
  it('hides passwords and tokens in URLs, and nothing else', () => {
    expect(redactUrls("fatal: unable to access 'https://me:ghp_abc123@github.com/me/site.git/': error")).toBe(
      "fatal: unable to access 'https://me:***@github.com/me/site.git/': error",
    );
    expect(redactUrls('https://ghp_abc123@github.com/me/site.git')).toBe('https://***@github.com/me/site.git');
    expect(redactUrls('ssh://git:pw@example.org:2222/x.git and https://a:b@c/d')).toBe('ssh://git:***@example.org:2222/x.git and https://a:***@c/d');
    expect(redactUrls('git@github.com:me/site.git ssh://git@example.org/x.git file:///tmp/x.git')).toBe(
      'git@github.com:me/site.git ssh://git@example.org/x.git file:///tmp/x.git',
    );
  });
});
