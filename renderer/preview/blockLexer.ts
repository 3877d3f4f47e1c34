// Splits a post body into marked's top-level blocks, and re-splits only the
// part around an edit. The preview renders and caches per block, so the split
// must be exactly the one marked makes: it uses marked's own block lexer with
// the pipeline's block-level extensions (GFM, footnotes).
import { Lexer, Marked, type Token } from 'marked';
import markedFootnote from 'marked-footnote';
import { lastAtOrBefore } from '../../common/lastAtOrBefore';
import { conflictBlocks } from '../../common/markdown/conflictBlocks';

export interface Block {
  /** The block's source; the raws of all blocks concatenate to the body. */
  raw: string;
  /** marked's token type: paragraph, heading, code, list, space, def, footnote… */
  type: string;
  /** For `def`: the reference label; for `footnote`: the footnote label. */
  label?: string;
}

/** The body as the lexer reads it: a string, or the editor's text seen from the body's start (no copy of the whole post). */
export interface BodySource {
  readonly length: number;
  slice(from: number, to: number): string;
}

/** A replaced range of the body: [from, toOld) became [from, toNew). */
export interface BodyEdit {
  from: number;
  toOld: number;
  toNew: number;
}

export class BlockLexer {
  readonly #marked = new Marked({ gfm: true, async: false }, markedFootnote(), conflictBlocks());

  /** The blocks of a whole body. */
  lex(body: string): Block[] {
    const tokens = new Lexer(this.#marked.defaults).blockTokens(body, []);
    // marked-footnote keeps per-parse state that only its walkTokens hook resets.
    this.#marked.walkTokens([{ type: 'space', raw: '' }], this.#marked.defaults.walkTokens!);
    return tokens.map(toBlock);
  }

  /**
   * The blocks of `body` after `edit`, given the blocks before it. Re-lexes the
   * edited blocks plus one real block on each side, widening until the last
   * re-lexed block is the old one again (so an opened code fence that swallows
   * what follows is followed to where it ends).
   */
  relex(old: readonly Block[], body: BodySource, edit: BodyEdit): Block[] {
    const starts = offsets(old);
    const delta = edit.toNew - edit.toOld;
    let first = Math.max(0, lastAtOrBefore(starts, edit.from) - 1);
    while (first > 0 && old[first]!.type === 'space') first--;
    let last = lastAtOrBefore(starts, Math.max(edit.from, edit.toOld - 1));
    for (let extra = 1; ; extra *= 2) {
      let end = last;
      for (let real = 0; end < old.length - 1 && real < extra; ) if (old[++end]!.type !== 'space') real++;
      const from = starts[first]!;
      const to = end + 1 < old.length ? starts[end + 1]! + delta : body.length;
      const fresh = this.lex(body.slice(from, to));
      const settled = end + 1 >= old.length || (fresh.length > 0 && fresh.at(-1)!.raw === old[end]!.raw && end > last);
      if (settled) return [...old.slice(0, first), ...fresh, ...old.slice(end + 1)];
      last = end;
    }
  }
}

function toBlock(token: Token): Block {
  const block: Block = { raw: token.raw, type: token.type };
  if (token.type === 'def') block.label = (token as { tag: string }).tag;
  if (token.type === 'footnote') block.label = (token as unknown as { label: string }).label;
  return block;
}

/** Where each block starts in the body. */
export function offsets(blocks: readonly Block[]): number[] {
  const starts = new Array<number>(blocks.length);
  let at = 0;
  for (let i = 0; i < blocks.length; i++) {
    starts[i] = at;
    at += blocks[i]!.raw.length;
  }
  return starts;
}
