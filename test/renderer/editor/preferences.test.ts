import { EditorState, type StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { editorPreferences, reconfigurePreferences, type EditorPreferences } from '../../../renderer/editor/preferences';
import { defaultSettings } from '../../../renderer/preferences/appPreferences';

const prefs: EditorPreferences = { ...defaultSettings };

/** The attributes as the view merges them: classes add up, other values are single. */
function attrs(state: EditorState, facet: typeof EditorView.contentAttributes): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const a of state.facet(facet)) {
    if (typeof a === 'function') continue;
    for (const [k, v] of Object.entries(a)) merged[k] = k === 'class' && merged[k] ? `${merged[k]} ${v}` : v;
  }
  return merged;
}

describe('editor preferences', () => {
  it('start from the settings', () => {
    const state = EditorState.create({ extensions: editorPreferences({ ...prefs, spellcheck: false }) });
    expect(attrs(state, EditorView.contentAttributes).spellcheck).toBe('false');
  });

  it('reconfigure only what changed, in a running state', () => {
    let state = EditorState.create({ extensions: editorPreferences(prefs) });
    expect(attrs(state, EditorView.contentAttributes).spellcheck).toBe('true');
    expect(reconfigurePreferences(prefs, { ...prefs })).toEqual([]);
    const effects: StateEffect<unknown>[] = reconfigurePreferences(prefs, { ...prefs, spellcheck: false, typewriter: true });
    expect(effects).toHaveLength(2);
    state = state.update({ effects }).state;
    expect(attrs(state, EditorView.contentAttributes).spellcheck).toBe('false');
    expect(attrs(state, EditorView.editorAttributes).class).toContain('cm-typewriter');
  });
});
