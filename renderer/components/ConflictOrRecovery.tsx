// The two modal questions about text at risk, one at a time: the open post
// changed on disk while it had unsaved edits (a conflict), or text was
// recovered from a session that ended without saving. A conflict goes first.
import { useStore } from '../store';
import { useWindowParts } from '../windowParts';
import { ConflictDialog } from './ConflictDialog';
import { RecoveryDialog } from '../recovery/RecoveryDialog';

export function ConflictOrRecovery() {
  const { session, recovery, view } = useWindowParts();
  const open = useStore(session.store);
  const recovered = useStore(recovery.store);
  const next = recovered.queue[0];
  if (open.conflict && open.post) {
    return (
      <ConflictDialog
        path={open.post.path}
        conflict={open.conflict}
        busy={open.resolving}
        onKeepMine={() => void session.keepMine()}
        onUseDisk={() => void session.useDisk()}
        onMerge={() => {
          session.mergeByHand();
          requestAnimationFrame(() => view.focus());
        }}
        onCancel={() => session.cancelConflict()}
      />
    );
  }
  if (!next || open.conflict) return null;
  return (
    <RecoveryDialog
      key={next.postId}
      entry={next}
      count={recovered.queue.length}
      busy={recovered.busy}
      onRestore={async () => {
        if (await recovery.restore(next)) requestAnimationFrame(() => view.focus());
      }}
      onDiscard={() => void recovery.discard(next)}
      onLater={() => recovery.later(next)}
    />
  );
}
