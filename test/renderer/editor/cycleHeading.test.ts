import { describe, expect, it } from 'vitest';
import { cycleHeading } from '../../../renderer/editor/cycleHeading';
import { run } from './mkState';

describe('cycleHeading', () => {
  it('cycles text → # → ## → ### → text, keeping the cursor in the text', () => {
    expect(run(cycleHeading, 'Intro|duction')).toBe('# Intro|duction');
    expect(run(cycleHeading, '# Intro|duction')).toBe('## Intro|duction');
    expect(run(cycleHeading, '## Intro|duction')).toBe('### Intro|duction');
    expect(run(cycleHeading, '### Intro|duction')).toBe('Intro|duction');
  });

  it('takes deeper headings back to text', () => {
    expect(run(cycleHeading, '##### Deep|')).toBe('Deep|');
  });

  it('works on an empty line, so the author can start a heading', () => {
    expect(run(cycleHeading, 'a\n|\nb')).toBe('a\n# |\nb');
  });

  it('gives every selected line the level after the first one, skipping blank lines', () => {
    expect(run(cycleHeading, '«One\n\n## Two»')).toBe('# «One\n\n# Two»');
  });

  it('never touches the front matter', () => {
    expect(run(cycleHeading, '---\ntitle: |x\n---\nbody')).toBe('---\ntitle: |x\n---\nbody');
    expect(run(cycleHeading, '---\nti«tle: x\n---\nbo»dy')).toBe('---\nti«tle: x\n---\n# bo»dy');
  });

  it('handles several cursors', () => {
    expect(run(cycleHeading, 'a|\n\nb|')).toBe('# a|\n\n# b|');
  });
});
