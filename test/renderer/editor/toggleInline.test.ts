import { describe, expect, it } from 'vitest';
import { toggleBold, toggleInlineCode, toggleItalic, toggleStrikethrough } from '../../../renderer/editor/toggleInline';
import { run } from './mkState';

describe('toggleBold', () => {
  it('wraps a selection and keeps the text selected', () => {
    expect(run(toggleBold, 'some «text» here')).toBe('some **«text»** here');
  });

  it('keeps a backwards selection backwards', () => {
    expect(run(toggleBold, 'some »text« here')).toBe('some **»text«** here');
  });

  it('puts a cursor between new marks, and takes empty marks away again', () => {
    expect(run(toggleBold, 'a | b')).toBe('a **|** b');
    expect(run(toggleBold, 'a **|** b')).toBe('a | b');
  });

  it('unwraps when the selection is inside bold text', () => {
    expect(run(toggleBold, 'some **«text»** here')).toBe('some «text» here');
    expect(run(toggleBold, 'some **te|xt** here')).toBe('some te|xt here');
  });

  it('steps a cursor at the end of bold text out past the mark, so typing goes on in plain text', () => {
    expect(run(toggleBold, 'some **text|** here')).toBe('some **text**| here');
    expect(run(toggleItalic, 'an *idea|* here')).toBe('an *idea*| here');
  });

  it('unwraps when the selection is exactly the bold span', () => {
    expect(run(toggleBold, 'some «**text**» here')).toBe('some «text» here');
  });

  it('does not take a cursor just after bold text as inside it', () => {
    expect(run(toggleBold, '**a**| b')).toBe('**a****|** b');
  });

  it('wraps each line of a multi-line selection, skipping blank lines', () => {
    expect(run(toggleBold, '«one\n\n  two»')).toBe('**«one**\n\n  **two»**');
    expect(run(toggleBold, '**«one**\n\n  **two»**')).toBe('«one\n\n  two»');
  });

  it('works on every selection at once, each on its own', () => {
    expect(run(toggleBold, '«a» and |b and **«c»**')).toBe('**«a»** and **|**b and «c»');
  });

  it('never touches the front matter', () => {
    expect(run(toggleBold, '---\ntitle: «x»\n---\nbody')).toBe('---\ntitle: «x»\n---\nbody');
    expect(run(toggleBold, '---\ntitle: «x\n---\nbody»')).toBe('---\ntitle: x\n---\n**«body»**');
  });
});

describe('toggleItalic', () => {
  it('wraps in single stars and unwraps', () => {
    expect(run(toggleItalic, 'an «idea»')).toBe('an *«idea»*');
    expect(run(toggleItalic, 'an *«idea»*')).toBe('an «idea»');
    expect(run(toggleItalic, 'an _«idea»_')).toBe('an «idea»');
  });

  it('reads bold as bold, not as italic twice', () => {
    expect(run(toggleItalic, '**«x»**')).toBe('***«x»***');
    expect(run(toggleItalic, '***«x»***')).toBe('**«x»**');
    expect(run(toggleBold, '***«x»***')).toBe('*«x»*');
  });

  it('leaves empty bold marks to bold', () => {
    expect(run(toggleItalic, '**|**')).toBe('***|***');
  });
});

describe('toggleInlineCode and toggleStrikethrough', () => {
  it('wrap and unwrap', () => {
    expect(run(toggleInlineCode, 'call «f()»')).toBe('call `«f()»`');
    expect(run(toggleInlineCode, 'call `f«()»`')).toBe('call f«()»');
    expect(run(toggleStrikethrough, 'a «gone» b')).toBe('a ~~«gone»~~ b');
    expect(run(toggleStrikethrough, 'a ~~go|ne~~ b')).toBe('a go|ne b');
  });
});
