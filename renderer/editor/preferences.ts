// The author's editor settings, each in its own Compartment so a change
// reconfigures just that part of a running editor, and every newly opened post
// starts with the current values.
import { Compartment, type Extension, type StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Settings } from '../preferences/appPreferences';
import { focusMode } from './focusMode';
import { hideFrontMatter } from './hideFrontMatter';
import { typewriterScrolling } from './typewriter';

export type EditorPreferences = Pick<Settings, 'spellcheck' | 'focusMode' | 'typewriter' | 'hideFrontMatter'>;

type Builders = { [K in keyof EditorPreferences]: (value: EditorPreferences[K]) => Extension };

const build: Builders = {
  // Electron's spellchecker, like the browser's, honours the attribute on the contenteditable.
  spellcheck: (on) => EditorView.contentAttributes.of({ spellcheck: on ? 'true' : 'false' }),
  focusMode: (on) => (on ? focusMode() : []),
  typewriter: (on) => (on ? typewriterScrolling() : []),
  hideFrontMatter: (on) => (on ? hideFrontMatter() : []),
};

const keys = Object.keys(build) as (keyof EditorPreferences)[];
const compartments = Object.fromEntries(keys.map((key) => [key, new Compartment()])) as Record<keyof EditorPreferences, Compartment>;

function part<K extends keyof EditorPreferences>(key: K, prefs: EditorPreferences): Extension {
  return build[key](prefs[key]);
}

/** The preferences as extensions, for a new state. */
export function editorPreferences(prefs: EditorPreferences): Extension {
  return keys.map((key) => compartments[key].of(part(key, prefs)));
}

/** Effects that bring a running editor from `before` to `after`; only what changed is rebuilt. */
export function reconfigurePreferences(before: EditorPreferences, after: EditorPreferences): StateEffect<unknown>[] {
  return keys.filter((key) => before[key] !== after[key]).map((key) => compartments[key].reconfigure(part(key, after)));
}
