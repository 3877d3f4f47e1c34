// Conflict blocks (see ../conflictMarks.ts) render as the two versions under
// their labels, each as markdown: a half-finished merge in the preview reads as
// a conflict, not as a setext heading (the line above =======) followed by a
// quotation (>>>>>>>). Check and publish refuse such a post; the preview and a
// local build show it for what it is.
import type { MarkedExtension, Token, Tokens } from 'marked';
import { findConflictBlocks } from '../conflictMarks';
import { escapeHtml } from './escape';

interface ConflictToken extends Tokens.Generic {
  type: 'conflict';
  mineLabel: string;
  theirsLabel: string;
  mine: Token[];
  theirs: Token[];
}

/** What a mark line names ("<<<<<<< Your version" → "Your version"), or a plain fallback. */
const labelOf = (mark: string, fallback: string) => mark.slice(7).trim() || fallback;

export function conflictBlocks(): MarkedExtension {
  return {
    extensions: [
      {
        name: 'conflict',
        level: 'block',
        start: (src) => src.match(/^<{7}/m)?.index,
        tokenizer(src): ConflictToken | undefined {
          if (!src.startsWith('<<<<<<<')) return undefined;
          const lines = src.split('\n');
          const [block] = findConflictBlocks(lines);
          if (block?.start !== 0) return undefined;
          const side = (from: number, to: number) => this.lexer.blockTokens(lines.slice(from, to).join('\n'), []);
          return {
            type: 'conflict',
            raw: lines.slice(0, block.end + 1).join('\n') + (block.end + 1 < lines.length ? '\n' : ''),
            mineLabel: labelOf(lines[0]!, 'Mine'),
            theirsLabel: labelOf(lines[block.end]!, 'Theirs'),
            mine: side(1, block.base ?? block.split),
            theirs: side(block.split + 1, block.end),
          };
        },
        renderer(token) {
          const { mineLabel, theirsLabel, mine, theirs } = token as ConflictToken;
          const side = (label: string, tokens: Token[], kind: string) =>
            `<div class="conflict-side conflict-${kind}"><p class="conflict-label">${escapeHtml(label)}</p>\n${this.parser.parse(tokens)}</div>\n`;
          return `<div class="conflict" role="group" aria-label="Unfinished merge">\n${side(mineLabel, mine, 'mine')}${side(theirsLabel, theirs, 'theirs')}</div>\n`;
        },
        childTokens: ['mine', 'theirs'],
      },
    ],
    tokenizer: {
      // Text right above a block, with its =======, would otherwise be read as one setext heading
      // before the block gets its turn: no heading then, and the paragraph stops where the block starts.
      lheading(src) {
        return opensConflict(src) ? undefined : false;
      },
    },
  };
}

/** Whether a line of the paragraph starting `src` begins a complete conflict block. */
function opensConflict(src: string): boolean {
  const end = src.search(/\n[ \t]*\n/);
  const paragraph = end < 0 ? src : src.slice(0, end);
  if (!/\n<{7}/.test(paragraph)) return false;
  const lines = src.split('\n');
  return findConflictBlocks(lines).some((block) => block.start > 0 && lines.slice(0, block.start).every((line) => line.trim() !== ''));
}
