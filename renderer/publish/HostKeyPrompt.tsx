// Asked the first time Postwright connects to an SSH server (or when its key
// is unknown): the fingerprint to compare with what the server's administrator
// gives, and an explicit choice. Nothing is trusted without Trust.
import { useEffect, useId, useRef, useState } from 'react';

interface HostKeyPromptProps {
  target: string;
  fingerprint: string;
  /** The error's own words: which server, which key type. */
  detail: string;
  onTrust: () => Promise<void> | void;
  onCancel: () => void;
}

export function HostKeyPrompt({ target, fingerprint, detail, onTrust, onCancel }: HostKeyPromptProps) {
  const titleId = useId();
  const detailId = useId();
  const [busy, setBusy] = useState(false);
  const trust = useRef<HTMLButtonElement>(null);
  // The question needs an answer before anything else happens for this target.
  useEffect(() => {
    trust.current?.focus();
  }, []);

  return (
    <div className="host-key" role="group" aria-labelledby={titleId} aria-describedby={detailId}>
      <h3 id={titleId} className="host-key-title">
        Trust the server for “{target}”?
      </h3>
      <p id={detailId} className="hint">
        {detail}
      </p>
      <p className="host-key-fingerprint">
        <span className="hint">Fingerprint</span> <code aria-label="Fingerprint">{fingerprint}</code>
      </p>
      <p className="hint">Trust it only if it matches the fingerprint your host or server administrator gives you.</p>
      <div className="host-key-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          ref={trust}
          type="button"
          className="button primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onTrust();
            } finally {
              setBusy(false);
            }
          }}
        >
          Trust and continue
        </button>
      </div>
    </div>
  );
}
