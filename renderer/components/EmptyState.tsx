import { keyOf } from '../../common/commands';
import { keyLabel } from '../commands/modifierKeys';
import { newPostKey } from '../commands/useAppCommands';
import './EmptyState.css';

// New post's key differs in a browser tab, where Chromium keeps Ctrl-N.
const hints = [
  { keys: newPostKey, what: 'New post' },
  { keys: keyOf('view.sidebar'), what: 'Show or hide the posts' },
  { keys: keyOf('file.save'), what: 'Save' },
  { keys: keyOf('edit.find'), what: 'Find in the post' },
];

/** What the editor area shows when no post is open. */
export function EmptyState({ hasPosts }: { hasPosts: boolean }) {
  return (
    <div className="empty-state">
      <p className="empty-lead">{hasPosts ? 'Choose a post to keep writing.' : 'Start your first post.'}</p>
      <dl className="shortcuts">
        {hints.map((hint) => (
          <div key={hint.keys} className="shortcut">
            <dt>
              <kbd>{keyLabel(hint.keys)}</kbd>
            </dt>
            <dd>{hint.what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
