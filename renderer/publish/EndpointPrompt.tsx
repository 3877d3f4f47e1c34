// Asked the first time a target would send the author's credentials to an
// address not yet confirmed on this computer (an S3 endpoint, an SFTP server,
// a git remote). postwright.json chose the address, and it may come from a
// stranger's repository, so nothing is sent until the author says yes here.
import { useEffect, useId, useRef, useState } from 'react';

interface EndpointPromptProps {
  target: string;
  address: string;
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
}

export function EndpointPrompt({ target, address, onConfirm, onCancel }: EndpointPromptProps) {
  const titleId = useId();
  const detailId = useId();
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus starts on Cancel: a yes sends secrets off the computer, so it takes a deliberate move.
  useEffect(() => {
    cancel.current?.focus();
  }, []);

  return (
    <div className="host-key" role="group" aria-labelledby={titleId} aria-describedby={detailId}>
      <h3 id={titleId} className="host-key-title">
        Send your credentials for “{target}” to this address?
      </h3>
      <p className="host-key-fingerprint">
        <span className="hint">Address</span> <code aria-label="Address">{address}</code>
      </p>
      <p id={detailId} className="hint">
        It comes from postwright.json, which anyone who shared this blog with you could have written, and it has not been confirmed on this computer. Send your
        keys, tokens or passwords there only if it is your own server or storage.
      </p>
      <div className="host-key-actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
            }
          }}
        >
          It’s mine: continue
        </button>
      </div>
    </div>
  );
}
