// Asked the first time Postwright connects to an SSH server (or when its key
// is unknown): the fingerprint to compare with what the server's administrator
// gives, and an explicit choice. Nothing is trusted without Trust.
import { ConfirmPrompt, PromptValue } from './ConfirmPrompt';

interface HostKeyPromptProps {
  target: string;
  fingerprint: string;
  /** The error's own words: which server, which key type. */
  detail: string;
  onTrust: () => Promise<void> | void;
  onCancel: () => void;
}

export function HostKeyPrompt({ target, fingerprint, detail, onTrust, onCancel }: HostKeyPromptProps) {
  return (
    <ConfirmPrompt
      title={<>Trust the server for “{target}”?</>}
      detail={detail}
      confirm={{ label: 'Trust and continue', run: onTrust }}
      onCancel={onCancel}
      // The question needs an answer before anything else happens for this target.
      focus="confirm"
    >
      <PromptValue label="Fingerprint" value={fingerprint} />
      <p className="hint">Trust it only if it matches the fingerprint your host or server administrator gives you.</p>
    </ConfirmPrompt>
  );
}
