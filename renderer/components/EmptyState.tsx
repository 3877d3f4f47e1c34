import { shortcutLabel } from '../platform';

const hints = [
  { keys: 'N', what: 'New post' },
  { keys: '\\', what: 'Show or hide the posts' },
  { keys: 'S', what: 'Save' },
  { keys: 'F', what: 'Find in the post' },
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
              <kbd>{shortcutLabel(hint.keys)}</kbd>
            </dt>
            <dd>{hint.what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
