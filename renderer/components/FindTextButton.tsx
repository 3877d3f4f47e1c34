// Under the sidebar's filter: the filter matches titles, tags and paths; this
// takes the same words into Find in all posts, which searches the text.
import { keyLabel } from '../commands/modifierKeys';
import { keyOf } from '../../common/commands';
import './FindInPosts.css';

export function FindTextButton({ text, onFind }: { text: string; onFind: (text: string) => void }) {
  return (
    <button type="button" className="find-text-button" title={`Find in all posts (${keyLabel(keyOf('go.findInPosts'))})`} onClick={() => onFind(text)}>
      Find “{text}” in the text of every post
    </button>
  );
}
