import { describe } from 'vitest';
import { toggleBulletList, toggleNumberedList, toggleQuote, toggleTaskList } from '../../../renderer/editor/toggleLinePrefix';
import { itDoes } from './commandCases';

describe('toggleQuote', () => {
  itDoes(toggleQuote, {
    'quotes and unquotes the lines of a selection, skipping blank lines': [
      ['«one\n\ntwo»', '> «one\n\n> two»'],
      ['> «one\n\n> two»', '«one\n\ntwo»'],
    ],
    'quotes only the lines not quoted yet when some are': [['> «one\ntwo»', '> «one\n> two»']],
    'quotes a list item as it stands': [['- it|em', '> - it|em']],
  });
});

describe('list toggles', () => {
  itDoes(toggleBulletList, {
    'makes bullets, and takes them away again': [
      ['«one\ntwo»', '- «one\n- two»'],
      ['- «one\n- two»', '«one\ntwo»'],
    ],
    'numbers lines in order': [
      [toggleNumberedList, '«one\ntwo\nthree»', '1. «one\n2. two\n3. three»'],
      [toggleNumberedList, '1. «one\n2. two»', '«one\ntwo»'],
    ],
    'swaps one list kind for another': [
      [toggleNumberedList, '- «one\n* two»', '1. «one\n2. two»'],
      [toggleTaskList, '1. «one\n- [x] two»', '- [ ] «one\n- [x] two»'],
      ['- [ ] do |it', '- do |it'],
    ],
    'makes tasks, and a task list goes back to text': [
      [toggleTaskList, 'buy |milk', '- [ ] buy |milk'],
      [toggleTaskList, '- [x] buy |milk', 'buy |milk'],
    ],
    'keeps indentation and quote marks in front of the marker': [
      ['  nes|ted', '  - nes|ted'],
      ['> quo|ted', '> - quo|ted'],
    ],
    'starts a list on an empty line': [['a\n\n|', 'a\n\n- |']],
    'never touches the front matter, and handles several cursors': [
      ['---\ntags: |x\n---\nbody', '---\ntags: |x\n---\nbody'],
      ['---\ntags: |x\n---\na|\n\nb|', '---\ntags: |x\n---\n- a|\n\n- b|'],
    ],
  });
});
