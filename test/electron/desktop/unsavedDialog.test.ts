// The unsaved-changes question in each platform's own button order: Electron lays
// `buttons` out first-is-rightmost on macOS, first-is-leftmost on Windows and Linux.
import { describe, expect, it } from 'vitest';
import { unsavedDialog } from '../../../electron/desktop/unsavedDialog';

describe('the unsaved-changes dialog', () => {
  it.each([
    ['darwin', ['Save', 'Cancel', "Don't Save"]],
    ['win32', ['Save', "Don't Save", 'Cancel']],
    ['linux', ["Don't Save", 'Cancel', 'Save']],
  ] as const)('%s: buttons %j, Save the default, Esc cancels', (platform, buttons) => {
    const { options, choice } = unsavedDialog(platform);
    expect(options.buttons).toEqual(buttons);
    expect(choice(options.defaultId!)).toBe('save');
    expect(choice(options.cancelId!)).toBe('cancel');
    expect(choice(buttons.indexOf("Don't Save"))).toBe('discard');
    expect(options.noLink).toBe(true);
  });
});
