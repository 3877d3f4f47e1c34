// The preview pane: a scroller the page owns, holding the sandboxed frames and
// the mirror above them (see renderer/preview/). Links in the preview act
// through the page; scrolling is kept in sync with the editor in split view.
import type { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { PreviewController } from '../preview/previewController';
import { handleLinks, type LinkAction } from '../preview/previewLinks';
import { syncScroll } from '../preview/scrollSync';
import './PreviewPane.css';

interface PreviewPaneProps {
  controller: PreviewController;
  view: EditorView;
  /** Scroll sync runs only when the editor is beside the preview. */
  split: boolean;
  hidden: boolean;
  postPath: string;
  onOpenExternal: (url: string) => void;
  onOpenPost: (path: string) => void;
}

export function PreviewPane({ controller, view, split, hidden, postPath, onOpenExternal, onOpenPost }: PreviewPaneProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const latest = useRef({ postPath, onOpenExternal, onOpenPost });
  latest.current = { postPath, onOpenExternal, onOpenPost };

  useEffect(() => {
    const element = scroller.current!;
    element.append(controller.surface.canvas);
    const act = (action: LinkAction) => {
      if (action.kind === 'external') latest.current.onOpenExternal(action.url);
      else if (action.kind === 'post') latest.current.onOpenPost(action.path);
      else if (action.kind === 'fragment') {
        const target = controller.surface.mirror.byId(action.id);
        if (target) element.scrollTop += target.getBoundingClientRect().top - element.getBoundingClientRect().top - 16;
      }
    };
    const stop = handleLinks(controller.surface.mirror.root, () => latest.current.postPath, act);
    return () => {
      stop();
      controller.surface.canvas.remove();
    };
  }, [controller]);

  useEffect(() => {
    controller.setVisible(!hidden);
  }, [controller, hidden]);
  useEffect(() => {
    if (split && !hidden) return syncScroll(view, scroller.current!, controller);
  }, [controller, view, split, hidden]);

  return <div ref={scroller} className="preview-scroller ring-inside" hidden={hidden} role="region" aria-label="Preview" tabIndex={0} />;
}
