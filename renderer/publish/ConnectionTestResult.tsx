// Test Connection's answer, in place: connected, what failed and what to do,
// or, for a new SSH server, the question whether to trust its key.
import { hostKeyFingerprint, untrustedAddress, type ConnectionTest } from '../../common/publish';
import { EndpointPrompt } from './EndpointPrompt';
import { HostKeyPrompt } from './HostKeyPrompt';

export type TestState = { status: 'testing' } | { status: 'done'; result: ConnectionTest };

interface ConnectionTestResultProps {
  target: string;
  state: TestState;
  onTrust: (fingerprint: string) => Promise<void>;
  /** The author confirmed the address the target would send credentials to. */
  onConfirmAddress: (address: string) => Promise<void>;
  onDismiss: () => void;
}

export function ConnectionTestResult({ target, state, onTrust, onConfirmAddress, onDismiss }: ConnectionTestResultProps) {
  if (state.status === 'testing') {
    return (
      <p className="hint connection-test" role="status">
        Connecting to “{target}”…
      </p>
    );
  }
  const { result } = state;
  if (result.ok) {
    return (
      <p className="hint connection-test ok" role="status">
        ✓ Connected to “{target}” in {(result.ms / 1000).toFixed(1)} s: the credentials work and the destination is there.
      </p>
    );
  }
  const address = result.error.code === 'untrusted-endpoint' ? untrustedAddress(result.error.message) : null;
  if (address) return <EndpointPrompt target={target} address={address} onConfirm={() => onConfirmAddress(address)} onCancel={onDismiss} />;
  const fingerprint = result.error.code === 'host-key' ? hostKeyFingerprint(result.error.message) : null;
  if (fingerprint && !/CHANGED|revoked/.test(result.error.message)) {
    return <HostKeyPrompt target={target} fingerprint={fingerprint} detail={result.error.message} onTrust={() => onTrust(fingerprint)} onCancel={onDismiss} />;
  }
  return (
    <p className="hint problem connection-test" role="alert">
      {result.error.message}
    </p>
  );
}
