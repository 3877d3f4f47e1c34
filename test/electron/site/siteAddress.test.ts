// The site's address as the publish confirmation reads it and Publish settings
// writes it: placeholder or real, written or defaulted, and set in
// postwright.json without touching anything else in the file.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlaceholderAddress, placeholderReason } from '../../../common/siteAddress';
import { setSiteAddress, siteAddress } from '../../../electron/site/siteAddress';
import { tempDir } from '../../helpers/tmp';

async function workspace(settings: string | null) {
  const root = await tempDir();
  if (settings !== null) await writeFile(path.join(root, 'postwright.json'), settings);
  return root;
}

describe('the site address', () => {
  it('tells the RFC 2606 documentation domains (and their subdomains) from real ones', () => {
    expect(['https://example.com/', 'http://blog.example.org/x/', 'https://EXAMPLE.NET'].map(isPlaceholderAddress)).toEqual([true, true, true]);
    expect(['https://example.company/', 'https://notexample.com/', 'https://ines.dev/', 'not a url'].map(isPlaceholderAddress)).toEqual([false, false, false, false]);
  });

  it('says whether the placeholder is written in postwright.json or the build falls back to it', async () => {
    const written = await siteAddress(await workspace('{ "title": "T", "baseUrl": "https://example.com/" }'));
    expect(written).toEqual({ baseUrl: 'https://example.com/', written: true, placeholder: true });
    expect(placeholderReason(written)).toMatch(/^The site's address \(“baseUrl” in postwright.json\) is still the placeholder https:\/\/example.com\/: feeds, the sitemap/);
    const missing = await siteAddress(await workspace(null));
    expect(missing).toEqual({ baseUrl: 'https://example.com/', written: false, placeholder: true });
    expect(placeholderReason(missing)).toMatch(/^postwright.json sets no site address/);
    const real = await siteAddress(await workspace('{ "baseUrl": "https://ines.dev/blog" }'));
    expect(real).toEqual({ baseUrl: 'https://ines.dev/blog/', written: true, placeholder: false });
    expect(placeholderReason(real)).toBeNull();
  });

  it('sets baseUrl, keeping every other key, their order, the indent and the CRLF line endings', async () => {
    const original = '{\r\n\t"title": "Field Notes",\r\n\t"baseUrl": "https://example.com/",\r\n\t"nav": [{ "label": "About", "url": "/about/" }],\r\n\t"output": "_site"\r\n}\r\n';
    const root = await workspace(original);
    expect(await setSiteAddress(root, ' https://fieldnotes.ines.dev ')).toEqual({ baseUrl: 'https://fieldnotes.ines.dev/', written: true, placeholder: false });
    const text = await readFile(path.join(root, 'postwright.json'), 'utf8');
    expect(text).toBe(
      '{\r\n\t"title": "Field Notes",\r\n\t"baseUrl": "https://fieldnotes.ines.dev/",\r\n\t"nav": [\r\n\t\t{\r\n\t\t\t"label": "About",\r\n\t\t\t"url": "/about/"\r\n\t\t}\r\n\t],\r\n\t"output": "_site"\r\n}\r\n',
    );
  });

  it('refuses an address that is not http(s), and a file it cannot read, changing nothing', async () => {
    const original = '{ "baseUrl": "https://example.com/" }';
    const root = await workspace(original);
    await expect(setSiteAddress(root, 'ftp://files.ines.dev/')).rejects.toThrow('The site address must be an http or https URL, such as "https://example.com/"; postwright.json was not changed.');
    await expect(setSiteAddress(root, 'javascript:alert(1)')).rejects.toThrow(/must be an http or https URL/);
    expect(await readFile(path.join(root, 'postwright.json'), 'utf8')).toBe(original);
    const broken = await workspace('{ "baseUrl": ');
    await expect(setSiteAddress(broken, 'https://ines.dev/')).rejects.toThrow(/^postwright.json is not valid JSON \(.*\); fix it first, the site address was not changed\.$/);
    expect(await readFile(path.join(broken, 'postwright.json'), 'utf8')).toBe('{ "baseUrl": ');
  });
});
