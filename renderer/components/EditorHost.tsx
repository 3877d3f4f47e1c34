// Puts the one EditorView into the page. The view outlives this component; it
// is created once at start-up and only moved in and out of the DOM here.
import { useLayoutEffect, useRef } from 'react';
import type { EditorView } from '@codemirror/view';

export function EditorHost({ view }: { view: EditorView }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    host.current?.append(view.dom);
    return () => view.dom.remove();
  }, [view]);
  return <div ref={host} className="editor-host" />;
}
