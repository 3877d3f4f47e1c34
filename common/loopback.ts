// Whether a URL stays on this computer. Plain http carries credentials in the
// clear, so it is allowed only to a loopback address. The URL parser decides:
// it canonicalizes the host first ("127.1", "0x7f.0.0.1" and "2130706433" all
// become "127.0.0.1"; "[0:0::1]" becomes "[::1]"), so no spelling slips past.

/** The whole of 127.0.0.0/8 is loopback (RFC 1122 §3.2.1.3), as is ::1 (RFC 4291 §2.5.3). */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((octet) => /^\d{1,3}$/.test(octet));
}

/** https anywhere; http only to loopback. Anything that does not parse as a URL is not allowed. */
export function isSafeCredentialUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
}
