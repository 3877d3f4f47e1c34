import { describe, expect, it } from 'vitest';
import { BlockLexer, offsets, type Block } from '../../../renderer/preview/blockLexer';
import { generatePost, prng } from '../../bench/corpus';

const lexer = new BlockLexer();
const raws = (blocks: readonly Block[]) => blocks.map((b) => `${b.type}:${b.raw}`);

/** Applies one edit to `text`, and checks the incremental split against a fresh one. */
function editAndCompare(blocks: Block[], text: string, from: number, to: number, insert: string): { blocks: Block[]; text: string } {
  const next = text.slice(0, from) + insert + text.slice(to);
  const relexed = lexer.relex(blocks, next, { from, toOld: to, toNew: from + insert.length });
  expect(raws(relexed)).toEqual(raws(lexer.lex(next)));
  return { blocks: relexed, text: next };
}

describe('block lexer', () => {
  it("splits a body into marked's top-level blocks, whose sources add up to the body", () => {
    const body = '# Title\n\nA paragraph\nover two lines.\n\n- one\n\n- two\n\n```js\nlet a;\n\nlet b;\n```\n\n[ref]: https://example.com\n\n[^n]: A note\n    continued.\n';
    const blocks = lexer.lex(body);
    expect(blocks.map((b) => b.raw).join('')).toBe(body);
    expect(blocks.filter((b) => b.type !== 'space').map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'code', 'def', 'footnote']);
    expect(blocks.find((b) => b.type === 'def')!.label).toBe('ref');
    expect(blocks.find((b) => b.type === 'footnote')).toMatchObject({ label: 'n', raw: '[^n]: A note\n    continued.\n' });
    const starts = offsets(blocks);
    blocks.forEach((block, i) => expect(body.startsWith(block.raw, starts[i])).toBe(true));
  });

  it('re-splits edits that join, split and swallow blocks exactly as a full split does', () => {
    let state = { text: 'Intro.\n\n- a\n\ntext\n\n- b\n\n## Head\n\nEnd.\n', blocks: [] as Block[] };
    state.blocks = lexer.lex(state.text);
    // Deleting the paragraph between two lists makes them one loose list.
    const at = state.text.indexOf('text\n\n');
    state = editAndCompare(state.blocks, state.text, at, at + 'text\n\n'.length, '');
    // An opened fence swallows everything after it; closing it gives the blocks back.
    state = editAndCompare(state.blocks, state.text, 0, 0, '```\n');
    expect(state.blocks.filter((b) => b.type !== 'space')).toHaveLength(1);
    state = editAndCompare(state.blocks, state.text, state.text.indexOf('## Head'), state.text.indexOf('## Head'), '```\n');
    // A setext underline turns the paragraph above into a heading.
    state = editAndCompare(state.blocks, state.text, state.text.length, state.text.length, '===\n');
    expect(state.blocks.at(-1)!.type).toBe('heading');
    // Emptying the body.
    state = editAndCompare(state.blocks, state.text, 0, state.text.length, '');
    expect(state.blocks).toEqual([]);
    editAndCompare(state.blocks, state.text, 0, 0, 'Fresh start.\n');
  });

  it('agrees with a full split after hundreds of random edits to realistic posts', () => {
    const rng = prng(7);
    const snippets = ['\n', '\n\n', '```', '```\n', '- ', '> ', '# ', '|', ' | --- |\n', '    ', '[^1]', '[^1]: note\n', '[x]: /y\n', 'word ', '<div>', '</div>\n', '<!--', '-->', '===\n', '1. ', '***'];
    for (let post = 0; post < 4; post++) {
      const full = generatePost(post, new Set()).text;
      let state = { text: full, blocks: lexer.lex(full) };
      for (let i = 0; i < 150; i++) {
        const from = Math.floor(rng() * (state.text.length + 1));
        const to = Math.min(state.text.length, from + (rng() < 0.5 ? 0 : Math.floor(rng() * 40)));
        const insert = rng() < 0.3 ? '' : snippets[Math.floor(rng() * snippets.length)]!;
        state = editAndCompare(state.blocks, state.text, from, to, insert);
      }
    }
  });
});
