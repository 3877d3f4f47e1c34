// Code blocks set in the code face. Markdown's own highlighting marks code as
// monospace, but a fence with a known language hands its text to that
// language's parser, whose tokens carry no such mark; so the lines inside
// every fence are decorated instead. Only the lines in view are decorated.
import { syntaxTree } from '@codemirror/language';
import { RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { visibleDecorations } from './visibleDecorations';

const codeLine = Decoration.line({ class: 'cm-code-line' });

/** Line decorations for every line of a fenced or indented code block within `ranges`. */
export function codeBlockLines(state: EditorState, ranges: readonly { from: number; to: number }[]): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  let last = 0;
  for (const { from, to } of ranges) {
    syntaxTree(state).iterate({
      from,
      to,
      enter: (node) => {
        if (node.name !== 'FencedCode' && node.name !== 'CodeBlock') return;
        for (let pos = Math.max(node.from, from); pos <= Math.min(node.to, to); ) {
          const line = state.doc.lineAt(pos);
          if (line.number > last) builder.add(line.from, line.from, codeLine);
          last = line.number;
          pos = line.to + 1;
        }
        return false;
      },
    });
  }
  return builder.finish();
}

const plugin = visibleDecorations(codeBlockLines);

export function codeBlocks(): Extension {
  return [plugin, EditorView.theme({ '.cm-code-line': { fontFamily: 'var(--code-font)', fontSize: '0.92em' } })];
}
