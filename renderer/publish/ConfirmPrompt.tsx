// The shape of a question publishing stops to ask (send credentials to this
// address? trust this server? publish with a placeholder address?): a heading,
// the detail it is read with, and Cancel beside the answer. The keyboard
// starts on whichever answer the caller says is the safe one.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Action {
  label: string;
  run: () => Promise<void> | void;
}

interface ConfirmPromptProps {
  title: ReactNode;
  /** Read with the question (aria-describedby). */
  detail: ReactNode;
  /** Shown above the detail. */
  lead?: ReactNode;
  /** Shown below the detail. */
  children?: ReactNode;
  confirm: Action;
  /** A second answer, between Cancel and the confirm. */
  alternative?: Action;
  onCancel: () => void;
  /** Which button the keyboard starts on. */
  focus: 'cancel' | 'confirm';
}

export function ConfirmPrompt({ title, detail, lead, children, confirm, alternative, onCancel, focus }: ConfirmPromptProps) {
  const titleId = useId();
  const detailId = useId();
  const [busy, setBusy] = useState(false);
  const focused = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    focused.current?.focus();
  }, []);

  return (
    <div className="host-key" role="group" aria-labelledby={titleId} aria-describedby={detailId}>
      <h3 id={titleId} className="host-key-title">
        {title}
      </h3>
      {lead}
      <p id={detailId} className="hint">
        {detail}
      </p>
      {children}
      <div className="host-key-actions">
        <button ref={focus === 'cancel' ? focused : undefined} type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {alternative && (
          <button type="button" className="button" onClick={() => void alternative.run()} disabled={busy}>
            {alternative.label}
          </button>
        )}
        <button
          ref={focus === 'confirm' ? focused : undefined}
          type="button"
          className="button primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await confirm.run();
            } finally {
              setBusy(false);
            }
          }}
        >
          {confirm.label}
        </button>
      </div>
    </div>
  );
}

/** The value the question is about (an address, a fingerprint), labelled, in code type. */
export function PromptValue({ label, value }: { label: string; value: string }) {
  return (
    <p className="host-key-fingerprint">
      <span className="hint">{label}</span> <code aria-label={label}>{value}</code>
    </p>
  );
}
