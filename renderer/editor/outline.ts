// The post's headings, read from the syntax tree (so `# comments` in code
// blocks and keys in the front matter are never taken for headings).
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import { EditorSelection, type EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { SyntaxNodeRef } from '@lezer/common';

export interface Heading {
  /** 1 to 6. */
  level: number;
  /** The heading as a reader sees it: no `#`, emphasis marks or link targets. */
  text: string;
  /** Where the heading's line starts. */
  from: number;
  /** 1-based line number. */
  line: number;
}

const headingLevel = /^(?:ATXHeading|SetextHeading)([1-6])$/;
/** Blocks that hold no headings: not worth walking into. */
const leaves = new Set(['Paragraph', 'FencedCode', 'CodeBlock', 'HTMLBlock', 'Table', 'Frontmatter', 'LinkReference']);
/** Markup inside a heading that a reader does not see. */
const hidden = new Set(['HeaderMark', 'EmphasisMark', 'CodeMark', 'StrikethroughMark', 'LinkMark', 'URL', 'LinkTitle', 'LinkLabel']);

/** Parsing a long post in full is bounded; past this, the headings parsed so far are returned. */
const parseBudgetMs = 200;

export function outline(state: EditorState): Heading[] {
  const tree = ensureSyntaxTree(state, state.doc.length, parseBudgetMs) ?? syntaxTree(state);
  const headings: Heading[] = [];
  tree.iterate({
    enter: (node) => {
      if (leaves.has(node.name)) return false;
      const level = headingLevel.exec(node.name);
      if (!level) return true;
      const text = visibleText(state, node);
      if (text) headings.push({ level: Number(level[1]), text, from: node.from, line: state.doc.lineAt(node.from).number });
      return false;
    },
  });
  return headings;
}

function visibleText(state: EditorState, heading: SyntaxNodeRef): string {
  let text = '';
  let at = heading.from;
  // Keep the text between hidden markup nodes, at any depth (they come in document order).
  heading.node.cursor().iterate((node) => {
    if (!hidden.has(node.name)) return true;
    text += state.sliceDoc(at, node.from);
    at = node.to;
    return false;
  });
  text += state.sliceDoc(at, heading.to);
  // ATX headings may close with #s; a setext underline is a HeaderMark, already gone.
  return text.replace(/[ \t]+#+[ \t]*$/, '').replace(/\s+/g, ' ').trim();
}

/** Cursor to the heading's text, its line at the top of the editor (with a little air above), and the keyboard to the editor. */
export function goToHeading(view: EditorView, from: number): void {
  const line = view.state.doc.lineAt(from);
  const text = from + (/^\s*#*\s*/.exec(line.text)?.[0].length ?? 0);
  view.dispatch({ selection: EditorSelection.cursor(text), effects: EditorView.scrollIntoView(from, { y: 'start', yMargin: 24 }) });
  view.focus();
}
