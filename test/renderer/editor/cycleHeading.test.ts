import { describe } from 'vitest';
import { cycleHeading } from '../../../renderer/editor/cycleHeading';
import { itDoes } from './commandCases';

describe('cycleHeading', () => {
  itDoes(cycleHeading, {
    'cycles text → # → ## → ### → text, keeping the cursor in the text': [
      ['Intro|duction', '# Intro|duction'],
      ['# Intro|duction', '## Intro|duction'],
      ['## Intro|duction', '### Intro|duction'],
      ['### Intro|duction', 'Intro|duction'],
    ],
    'takes deeper headings back to text': [['##### Deep|', 'Deep|']],
    'works on an empty line, so the author can start a heading': [['a\n|\nb', 'a\n# |\nb']],
    'gives every selected line the level after the first one, skipping blank lines': [['«One\n\n## Two»', '# «One\n\n# Two»']],
    'never touches the front matter': [
      ['---\ntitle: |x\n---\nbody', '---\ntitle: |x\n---\nbody'],
      ['---\nti«tle: x\n---\nbo»dy', '---\nti«tle: x\n---\n# bo»dy'],
    ],
    'handles several cursors': [['a|\n\nb|', '# a|\n\n# b|']],
  });
});
