// "A post has unsaved changes": the question, with its three answers in the
// order each platform's own apps use. Electron lays `buttons` out first-is-
// rightmost on macOS and first-is-leftmost elsewhere, so the arrays differ:
// macOS (Apple HIG)  [Don't Save]        [Cancel] [Save]
// Windows            [Save] [Don't Save] [Cancel]
// Linux (GNOME HIG)  [Don't Save] [Cancel] [Save]
import type { MessageBoxSyncOptions } from 'electron';

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

const labels: Record<UnsavedChoice, string> = { save: 'Save', discard: "Don't Save", cancel: 'Cancel' };

function order(platform: NodeJS.Platform): UnsavedChoice[] {
  if (platform === 'darwin') return ['save', 'cancel', 'discard'];
  if (platform === 'win32') return ['save', 'discard', 'cancel'];
  return ['discard', 'cancel', 'save'];
}

export interface UnsavedDialog {
  options: MessageBoxSyncOptions;
  /** The answer behind the index `dialog.showMessageBoxSync` returned. */
  choice(response: number): UnsavedChoice;
}

export function unsavedDialog(platform: NodeJS.Platform = process.platform): UnsavedDialog {
  const choices = order(platform);
  return {
    options: {
      type: 'warning',
      message: 'A post has unsaved changes.',
      detail: "Save it before the window closes? If you don't, the changes are lost.",
      buttons: choices.map((c) => labels[c]),
      defaultId: choices.indexOf('save'),
      cancelId: choices.indexOf('cancel'),
      // Windows would otherwise show "Save" and "Don't Save" as command links.
      noLink: true,
    },
    choice: (response) => choices[response] ?? 'cancel',
  };
}
