import { describe, expect, it } from 'vitest';
import type { PublishTargetConfig } from '../../../common/publish';
import { configOf, describeTarget, problemsOf, valuesOf } from '../../../renderer/publish/publishFields';
import { setDateLocale } from '../../../renderer/dateFormat';
import { formatBytes, lastPublishedLabel, phaseLabel, progressCounts, scheduledLabel } from '../../../renderer/publish/publishFormat';

describe('the target form', () => {
  it('saves only what was filled in, trimmed, with numbers as numbers and unticked boxes left out', () => {
    expect(configOf('sftp', { host: ' example.org ', port: '2222', user: 'me', path: '/var/www', keyFile: '', url: '' })).toEqual({
      type: 'sftp',
      host: 'example.org',
      port: 2222,
      user: 'me',
      path: '/var/www',
    });
    expect(configOf('git', { remote: 'r', force: false })).toEqual({ type: 'git', remote: 'r' });
    expect(configOf('git', { remote: 'r', force: true })).toEqual({ type: 'git', remote: 'r', force: true });
  });

  it('saves only the keys it shows: one a shared postwright.json slipped in is dropped, not kept out of sight', () => {
    // A key the schema no longer has (Netlify's old apiUrl) and one it never had are both left out on save.
    const planted = { type: 'netlify', siteId: 'a', apiUrl: 'http://203.0.113.9/api/v1/', endpoint: 'http://203.0.113.9/' } as unknown as PublishTargetConfig;
    expect(configOf('netlify', valuesOf(planted))).toEqual({ type: 'netlify', siteId: 'a' });
    expect(configOf('git', { ...valuesOf(planted), remote: 'r' })).toEqual({ type: 'git', remote: 'r' });
  });

  it('round-trips a saved config through the fields', () => {
    const saved = { type: 's3' as const, bucket: 'my-blog', region: 'eu-west-1', forcePathStyle: true, prefix: 'blog/' };
    expect(configOf('s3', valuesOf(saved))).toEqual(saved);
  });

  it('names what is wrong per field, in the schema’s words', () => {
    expect(problemsOf({ type: 'sftp', host: 'h', user: 'u', path: '/p' })).toEqual({});
    expect(problemsOf({ type: 'sftp', user: 'u', path: '/p', port: 'abc' })).toEqual({ host: 'must not be empty', port: 'must be a number' });
    expect(problemsOf({ type: 's3', bucket: 'ab', endpoint: 'ftp://x' })).toEqual({ bucket: 'must be at least 3 characters', endpoint: 'must be an http or https URL' });
    expect(problemsOf({ type: 's3', bucket: 'abc', endpoint: 'http://minio.example:9000' })).toEqual({
      endpoint: 'must be an https:// URL (plain http:// only to this computer: localhost, 127.0.0.0/8 or [::1])',
    });
  });

  it('describes each kind in one line', () => {
    expect(describeTarget({ type: 'git', remote: 'git@github.com:me/me.github.io.git' })).toBe('gh-pages of git@github.com:me/me.github.io.git');
    expect(describeTarget({ type: 's3', bucket: 'b', prefix: 'blog/', endpoint: 'https://r2.example' })).toBe('s3://b/blog/ at https://r2.example');
    expect(describeTarget({ type: 'sftp', host: 'h', port: 2222, user: 'u', path: '/p' })).toBe('u@h:2222:/p');
    expect(describeTarget({ type: 'netlify', siteId: 'x' })).toBe('Netlify site x');
    expect(describeTarget({ type: 'fly', app: 'my-blog', region: 'ams' })).toBe('Fly app my-blog in ams');
  });

  it('a Fly target: app and region required, the organization only when given, and names Fly would refuse caught here', () => {
    expect(configOf('fly', { app: ' my-blog ', region: 'ams', org: '', url: '' })).toEqual({ type: 'fly', app: 'my-blog', region: 'ams' });
    expect(problemsOf({ type: 'fly', app: 'my-blog', region: 'ams', org: 'acme' })).toEqual({});
    expect(problemsOf({ type: 'fly', app: 'My Blog', region: 'amsterdam' })).toEqual({
      app: 'must be lowercase letters, digits and "-" (Fly app names are part of an address)',
      region: 'must be at most 8 characters',
    });
    expect(problemsOf({ type: 'fly', region: 'am1' })).toEqual({ app: 'must not be empty', region: 'must be a three-letter Fly region code, such as "ams"' });
  });
});

describe('publishing in words', () => {
  it('sizes, phases and counts', () => {
    expect([formatBytes(1), formatBytes(999), formatBytes(1234), formatBytes(92_023), formatBytes(5_300_000)]).toEqual(['1 byte', '999 bytes', '1.2 KB', '92 KB', '5.3 MB']);
    expect(phaseLabel(null)).toBe('Starting…');
    const progress = { target: 'pages', phase: 'uploading' as const, files: { done: 12, total: 40 }, bytes: { done: 1200, total: 3_400_000 } };
    expect(phaseLabel(progress)).toBe('Uploading (pages)…');
    expect(phaseLabel({ ...progress, phase: 'building' })).toBe('Building the site…');
    expect(phaseLabel({ ...progress, target: 'fly', detail: 'Building the image on Fly’s builder' })).toBe('Building the image on Fly’s builder (fly)…');
    expect(scheduledLabel({ count: 2, next: null })).toBe('2 posts scheduled');
    setDateLocale('en-GB');
    expect(scheduledLabel({ count: 1, next: '2026-12-08T09:00:00Z' })).toMatch(/^1 post scheduled · the next goes live 8 Dec 2026, \d\d:00$/);
    setDateLocale(null);
    expect(progressCounts(progress)).toBe('12 / 40 files · 1.2 KB / 3.4 MB');
    expect(progressCounts({ ...progress, files: { done: 0, total: 0 } })).toBe('');
  });

  it('when a target last published, and what it did', () => {
    const now = Date.parse('2026-01-02T12:00:00Z');
    expect(lastPublishedLabel(null, now)).toBe('Never published');
    expect(lastPublishedLabel({ at: '2026-01-02T11:59:58Z', uploaded: 1, deleted: 0, bytes: 2100, url: null }, now)).toBe('Published just now · 1 file uploaded (2.1 KB)');
    expect(lastPublishedLabel({ at: '2026-01-02T10:00:00Z', uploaded: 14, deleted: 2, bytes: 210_000, url: null }, now)).toBe('Published 2 hours ago · 14 files uploaded (210 KB), 2 deleted');
    expect(lastPublishedLabel({ at: '2025-12-31T12:00:00Z', uploaded: 0, deleted: 0, bytes: 0, url: null }, now)).toBe('Published 2 days ago · nothing changed');
  });
});
