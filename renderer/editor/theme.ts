// The editor's look. Every colour is a CSS variable from styles.css, so the
// editor follows the light/dark switch (prefers-color-scheme) with no JS.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const chrome = EditorView.theme({
  '&': {
    height: '100%',
    color: 'var(--text)',
    backgroundColor: 'var(--bg)',
    fontSize: 'var(--editor-size)',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--editor-font)',
    lineHeight: 'var(--editor-leading)',
    overflow: 'auto',
  },
  // The text column: ~72 characters, centred; the space below lets the last
  // line be typed at a comfortable height rather than at the window's edge.
  '.cm-content': {
    maxWidth: 'calc(var(--measure) + 6rem)',
    margin: '0 auto',
    padding: '3.5rem clamp(1.5rem, 4vw, 3rem) 40vh',
    caretColor: 'var(--accent)',
  },
  '.cm-line': { padding: '0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--selection)',
  },
  '.cm-selectionMatch': { backgroundColor: 'var(--selection-match)' },
  '.cm-searchMatch': { backgroundColor: 'var(--search-match)', outline: '1px solid var(--accent-soft)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--selection)' },
  '.cm-panels': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)', fontFamily: 'var(--ui-font)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--line)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--line)' },
  '.cm-panel.cm-search': { padding: '0.5rem 0.75rem', fontSize: '0.85rem' },
  '.cm-panel.cm-search input, .cm-panel.cm-search button': { fontFamily: 'var(--ui-font)', fontSize: '0.85rem' },
  '.cm-textfield': {
    backgroundColor: 'var(--bg)',
    color: 'var(--text)',
    border: '1px solid var(--line-strong)',
    borderRadius: '6px',
    padding: '0.2rem 0.45rem',
  },
  '.cm-button': {
    backgroundImage: 'none',
    backgroundColor: 'var(--bg)',
    color: 'var(--text)',
    border: '1px solid var(--line-strong)',
    borderRadius: '6px',
    padding: '0.2rem 0.6rem',
  },
  '.cm-panel.cm-search [name=close]': { color: 'var(--muted)', fontSize: '1.1rem' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-raised)', border: '1px solid var(--line)', color: 'var(--text)' },
});

/** Markdown stays readable as plain text: marks are quiet, meaning is shown by weight and slant. */
const markdownStyle = HighlightStyle.define([
  { tag: t.heading1, fontWeight: '700', fontSize: '1.3em' },
  { tag: t.heading2, fontWeight: '700', fontSize: '1.15em' },
  { tag: [t.heading3, t.heading4, t.heading5, t.heading6], fontWeight: '700' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: [t.processingInstruction, t.contentSeparator, t.meta], color: 'var(--muted)' },
  { tag: t.list, color: 'var(--text)' },
  { tag: t.quote, color: 'var(--quote)' },
  { tag: t.link, color: 'var(--accent-text)' },
  { tag: t.url, color: 'var(--muted)', textDecoration: 'underline', textDecorationColor: 'var(--line-strong)' },
  { tag: t.monospace, color: 'var(--code)', fontFamily: 'var(--code-font)', fontSize: '0.92em' },
  // Front matter (YAML) and code fences.
  { tag: [t.propertyName, t.definition(t.propertyName), t.attributeName], color: 'var(--syntax-key)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--syntax-string)' },
  { tag: [t.keyword, t.operatorKeyword, t.controlKeyword, t.modifier], color: 'var(--syntax-keyword)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--syntax-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--syntax-type)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--syntax-function)' },
  { tag: [t.tagName, t.angleBracket], color: 'var(--syntax-keyword)' },
  { tag: t.invalid, color: 'var(--danger)' },
]);

export function editorTheme(): Extension {
  return [chrome, syntaxHighlighting(markdownStyle)];
}
