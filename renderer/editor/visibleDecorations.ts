// A view plugin for line decorations made from the text in view and its syntax
// tree (code block lines, focus mode's dimming). Only the visible ranges are
// decorated, so the cost does not grow with the post; they are made again when
// the text, the viewport or the parse changes, or when `alsoWhen` says.
import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import { ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';

type Build = (state: EditorState, ranges: readonly { from: number; to: number }[]) => DecorationSet;

export function visibleDecorations(build: Build, alsoWhen: (update: ViewUpdate) => boolean = () => false) {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view.state, view.visibleRanges);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state) || alsoWhen(update)) {
          this.decorations = build(update.state, update.view.visibleRanges);
        }
      }
    },
    { decorations: (v) => v.decorations },
  );
}
