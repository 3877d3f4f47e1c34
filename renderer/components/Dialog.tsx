// A modal built on the native <dialog>: the rest of the page goes inert (which
// traps focus), Esc closes it, and focus returns to where it was.
import { useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { giveFocusBack } from '../editor/giveFocusBack';

interface DialogProps {
  /** The heading, which is also the dialog's accessible name. */
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Focused when the dialog opens; otherwise the browser picks the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  /** The heading names the dialog for screen readers only (a picker's field says what it is). */
  titleHidden?: boolean;
}

export function Dialog({ title, onClose, children, initialFocus, className, titleHidden = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      // Closing gives focus back to `previous` natively, but not an editor's caret (giveFocusBack.ts).
      if (dialog.open) dialog.close();
      // Give focus back unless the action that closed the dialog moved it on (into a field, say).
      const now = document.activeElement;
      if (previous?.isConnected && (!now || now === document.body || now === previous || dialog.contains(now))) giveFocusBack(previous);
    };
    // Opens once per mount: the dialog is mounted exactly while it is shown.
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Esc: let React decide, so the dialog's state and the DOM never disagree.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className={titleHidden ? 'dialog-title visually-hidden' : 'dialog-title'}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
