// Test Connection's answer, in place: connected, what failed and what to do,
// or, for a new SSH server, the question whether to trust its key.
import { hostKeyFingerprint, type ConnectionTest } from '../../common/publish';
import { HostKeyPrompt } from './HostKeyPrompt';

export type TestState = { status: 'testing' } | { status: 'done'; result: ConnectionTest };

interface ConnectionTestResultProps {
  target: string;
  state: TestState;
  onTrust: (fingerprint: string) => Promise<void>;
  onDismiss: () => void;
}

export function ConnectionTestResult({ target, state, onTrust, onDismiss }: ConnectionTestResultProps) {
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
