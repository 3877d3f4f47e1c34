import { describe, expect, it } from 'vitest';
import { unpackedPath } from '../../electron/appPaths';

describe('unpackedPath', () => {
  it('maps a file inside app.asar to its copy in app.asar.unpacked', () => {
    expect(unpackedPath('/opt/Postwright/resources/app.asar/out/main/listWorker.mjs')).toBe('/opt/Postwright/resources/app.asar.unpacked/out/main/listWorker.mjs');
    expect(unpackedPath('C:\\Program Files\\Postwright\\resources\\app.asar\\out\\main\\listWorker.mjs')).toBe(
      'C:\\Program Files\\Postwright\\resources\\app.asar.unpacked\\out\\main\\listWorker.mjs',
    );
  });

  it('leaves paths outside a package, and look-alike names, alone', () => {
    for (const path of ['/home/me/postwright/out/main/listWorker.mjs', '/srv/my-app.asar.d/out/x.mjs', '/srv/app.asarx/out/x.mjs']) {
      expect(unpackedPath(path)).toBe(path);
    }
  });
});
