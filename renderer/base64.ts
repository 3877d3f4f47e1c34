// Bytes to base64 for the contract (the bridge carries JSON), in chunks so a
// large image does not overflow the argument list of String.fromCharCode.
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
