// Asked before a publish when the site's address (baseUrl) is a placeholder
// such as the sample's https://example.com/: the site would go live with
// feeds, sitemap and share links pointing there. Set the address in Publish
// settings, or publish anyway (asked once per window).
import { useEffect, useId, useRef } from 'react';

interface AddressPromptProps {
  reason: string;
  onSetAddress: () => void;
  onPublishAnyway: () => void;
  onCancel: () => void;
}

export function AddressPrompt({ reason, onSetAddress, onPublishAnyway, onCancel }: AddressPromptProps) {
  const titleId = useId();
  const detailId = useId();
  const fix = useRef<HTMLButtonElement>(null);
  // Focus starts on the fix: publishing anyway takes a deliberate move.
  useEffect(() => {
    fix.current?.focus();
  }, []);
  return (
    <div className="host-key" role="group" aria-labelledby={titleId} aria-describedby={detailId}>
      <h3 id={titleId} className="host-key-title">
        Publish with a placeholder site address?
      </h3>
      <p id={detailId} className="hint">
        {reason} Set the address in Publish settings; the next publish rewrites every page that names it.
      </p>
      <div className="host-key-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button" onClick={onPublishAnyway}>
          Publish anyway
        </button>
        <button ref={fix} type="button" className="button primary" onClick={onSetAddress}>
          Set the site address…
        </button>
      </div>
    </div>
  );
}
