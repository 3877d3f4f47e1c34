// Faults the test sshd cannot produce on 127.0.0.1 (no DNS lookups leave this
// machine): errors shaped as ssh2 and ssh2-sftp-client report them.
import { describe, expect, it } from 'vitest';
import { sftpFault } from '../../../../electron/publish/targets/sftpFaults';

const context = { label: 'SFTP target "vps" (me@example.org:22)', host: 'example.org', port: 22, publishing: false, dropped: false };
const withCode = (message: string, code: string | number) => Object.assign(new Error(message), { code });

describe('SFTP faults', () => {
  it('offline or a name that does not resolve: unreachable, saying to check the name and the connection', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH']) {
      const fault = sftpFault(withCode('getConnection: Address lookup failed for host', code), context);
      expect(fault.code).toBe('unreachable');
      expect(fault.message).toBe('SFTP target "vps" (me@example.org:22): cannot find the host example.org. Check the host name in the target\'s settings and that you are online.');
    }
  });

  it('a host that never answers (a handshake timeout): unreachable', () => {
    const fault = sftpFault(new Error('getConnection: Timed out while waiting for handshake'), context);
    expect(fault.code).toBe('unreachable');
    expect(fault.message).toContain('nothing answers on example.org port 22');
  });

  it('a key file with a passphrase: auth-failed, pointing to the ssh agent', () => {
    const fault = sftpFault(new Error('getConnection: Cannot parse privateKey: Encrypted private OpenSSH key detected, but no passphrase given'), context);
    expect(fault.code).toBe('auth-failed');
    expect(fault.message).toMatch(/protected by a passphrase\. Add it to your ssh agent/);
  });

  it('a drop mid-publish says the site is whole; anything else keeps its own words without the wrapper’s prefixes', () => {
    expect(sftpFault(new Error('put->_put: No SFTP connection available'), { ...context, publishing: true }).message).toBe(
      'SFTP target "vps" (me@example.org:22): the connection dropped. Every file is replaced whole, so the live site is whole; publish again to finish.',
    );
    const other = sftpFault(withCode('rename->_rename: Failure /var/www/a', 4), context);
    expect(other).toMatchObject({ code: 'io', message: 'SFTP target "vps" (me@example.org:22): Failure /var/www/a' });
  });
});
