import { describe, expect, it } from 'vitest';
import { toggleBulletList, toggleNumberedList, toggleQuote, toggleTaskList } from '../../../renderer/editor/toggleLinePrefix';
import { run } from './mkState';

describe('toggleQuote', () => {
  it('quotes and unquotes the lines of a selection, skipping blank lines', () => {
    expect(run(toggleQuote, '«one\n\ntwo»')).toBe('> «one\n\n> two»');
    expect(run(toggleQuote, '> «one\n\n> two»')).toBe('«one\n\ntwo»');
  });

  it('quotes only the lines not quoted yet when some are', () => {
    expect(run(toggleQuote, '> «one\ntwo»')).toBe('> «one\n> two»');
  });

  it('quotes a list item as it stands', () => {
    expect(run(toggleQuote, '- it|em')).toBe('> - it|em');
  });
});

describe('list toggles', () => {
  it('makes bullets, and takes them away again', () => {
    expect(run(toggleBulletList, '«one\ntwo»')).toBe('- «one\n- two»');
    expect(run(toggleBulletList, '- «one\n- two»')).toBe('«one\ntwo»');
  });

  it('numbers lines in order', () => {
    expect(run(toggleNumberedList, '«one\ntwo\nthree»')).toBe('1. «one\n2. two\n3. three»');
    expect(run(toggleNumberedList, '1. «one\n2. two»')).toBe('«one\ntwo»');
  });

  it('swaps one list kind for another', () => {
    expect(run(toggleNumberedList, '- «one\n* two»')).toBe('1. «one\n2. two»');
    expect(run(toggleTaskList, '1. «one\n- [x] two»')).toBe('- [ ] «one\n- [x] two»');
    expect(run(toggleBulletList, '- [ ] do |it')).toBe('- do |it');
  });

  it('makes tasks, and a task list goes back to text', () => {
    expect(run(toggleTaskList, 'buy |milk')).toBe('- [ ] buy |milk');
    expect(run(toggleTaskList, '- [x] buy |milk')).toBe('buy |milk');
  });

  it('keeps indentation and quote marks in front of the marker', () => {
    expect(run(toggleBulletList, '  nes|ted')).toBe('  - nes|ted');
    expect(run(toggleBulletList, '> quo|ted')).toBe('> - quo|ted');
  });

  it('starts a list on an empty line', () => {
    expect(run(toggleBulletList, 'a\n\n|')).toBe('a\n\n- |');
  });

  it('never touches the front matter, and handles several cursors', () => {
    expect(run(toggleBulletList, '---\ntags: |x\n---\nbody')).toBe('---\ntags: |x\n---\nbody');
    expect(run(toggleBulletList, '---\ntags: |x\n---\na|\n\nb|')).toBe('---\ntags: |x\n---\n- a|\n\n- b|');
  });
});
