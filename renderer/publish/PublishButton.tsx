// The toolbar's Publish: one click builds, checks and uploads to every target.
import { keyLabel } from '../commands/modifierKeys';
import type { PublishRun } from './publishRun';
import { useStore } from '../store';
import { keyOf } from '../../common/commands';
import './PublishDialogs.css';

export function PublishButton({ run, onPublish }: { run: PublishRun; onPublish: () => void }) {
  const running = useStore(run.store).kind === 'running';
  return (
    <button
      type="button"
      className="button primary publish-button"
      aria-busy={running}
      title={`Build, check and upload the site (${keyLabel(keyOf('site.publish'))})`}
      onClick={onPublish}
    >
      {running ? 'Publishing…' : 'Publish'}
    </button>
  );
}
