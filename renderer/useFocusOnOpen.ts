// A newly opened post gets the keyboard: the body, or the title field while the
// post has no title. Not while a dialog is open (the page is inert then, and the
// dialog gives focus back as it closes), but as soon as it has closed: typing
// after Create must land in the new post. It is shown from its top or at its
// cursor: focusing a fresh state would otherwise jump to the previous post's
// offset. The post reopened on start goes back to where it was left.
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { firstBodyPosition } from './editor/bodyText';
import type { LastPlace } from './lastPlace';
import type { SessionState } from './session';
import type { Store } from './store';

export function useFocusOnOpen(view: EditorView, open: SessionState, dialogOpen: boolean, restorePlace: Store<LastPlace | null>): void {
  const focusedOpen = useRef(0);
  useEffect(() => {
    if (open.opened === 0 || focusedOpen.current === open.opened || dialogOpen) return;
    focusedOpen.current = open.opened;
    const place = restorePlace.get();
    if (place && place.path === open.post?.path) {
      restorePlace.set(null);
      const end = view.state.doc.length;
      view.dispatch({
        selection: EditorSelection.cursor(Math.min(place.head, end)),
        effects: EditorView.scrollIntoView(Math.min(place.top, end), { y: 'start', yMargin: 0 }),
      });
      view.focus();
      return;
    }
    const title = document.querySelector<HTMLTextAreaElement>('.fm-title');
    if (title && !title.value && !title.readOnly) title.focus();
    else view.focus();
    const { head } = view.state.selection.main;
    if (head <= firstBodyPosition(view.state.doc.toString())) view.scrollDOM.scrollTop = 0;
    else view.dispatch({ effects: EditorView.scrollIntoView(head, { y: 'nearest' }) });
  }, [open.opened, open.post?.path, view, dialogOpen, restorePlace]);
}
