// Mod-S saves. preventDefault keeps the browser's own "save page" from opening.
import { Prec, type Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { keyOf } from '../../common/commands';

export function saveKeymap(save: () => void): Extension {
  return Prec.high(
    keymap.of([
      {
        key: keyOf('file.save'),
        preventDefault: true,
        run: () => {
          save();
          return true;
        },
      },
    ]),
  );
}
