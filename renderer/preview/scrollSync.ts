// Scroll sync, both ways: scrolling the editor scrolls the preview to the same
// place in the post, and scrolling the preview scrolls the editor.
//
// Each side's programmatic scroll is remembered, and the scroll event it
// causes is recognised and ignored, so the two never chase each other. The
// editor leads: the preview moves the editor only while the author is
// scrolling the preview (wheel, keys, scrollbar), never when its content
// changed height under it (a newly opened post starts at its top).
import type { EditorView } from '@codemirror/view';
import type { PreviewController } from './previewController';
import { offsets } from './blockLexer';
import { anchorsOf, mapPosition, type Anchor } from './sourceMap';

export function syncScroll(view: EditorView, preview: HTMLElement, controller: PreviewController): () => void {
  const editor = view.scrollDOM;
  /** The scrollTop each side was last set to by us, until its scroll event arrives. */
  const expected = new Map<HTMLElement, number>();

  const anchors = (): Anchor[] => {
    const { blocks, bodyStart, doc } = controller.blocks;
    if (!doc) return [];
    const tops = controller.surface.viewTops();
    const starts = offsets(blocks);
    const pad = view.documentPadding.top;
    const pairs: Anchor[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const top = tops[i];
      const pos = bodyStart + starts[i]!;
      if (top === null || top === undefined || pos > doc.length || blocks[i]!.type === 'space') continue;
      pairs.push({ editor: view.lineBlockAt(pos).top + pad, preview: top });
    }
    return anchorsOf(pairs, view.contentHeight, controller.surface.canvas.getBoundingClientRect().height);
  };

  const scrollTo = (element: HTMLElement, top: number) => {
    const before = element.scrollTop;
    element.scrollTop = top;
    if (element.scrollTop !== before) expected.set(element, element.scrollTop);
  };

  const fromEditor = () => scrollTo(preview, mapPosition(anchors(), editor.scrollTop, 'editor'));
  const fromPreview = () => scrollTo(editor, mapPosition(anchors(), preview.scrollTop, 'preview'));

  const onScroll = (element: HTMLElement, follow: () => void) => () => {
    const mine = expected.get(element);
    if (mine !== undefined) {
      expected.delete(element);
      if (Math.abs(element.scrollTop - mine) <= 1) return;
    }
    follow();
  };
  let previewInput = -Infinity;
  const markInput = () => (previewInput = performance.now());
  const inputEvents = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
  for (const name of inputEvents) preview.addEventListener(name, markInput, { passive: true });
  const onEditor = onScroll(editor, fromEditor);
  const onPreview = onScroll(preview, () => (performance.now() - previewInput < 1000 ? fromPreview() : fromEditor()));
  editor.addEventListener('scroll', onEditor, { passive: true });
  preview.addEventListener('scroll', onPreview, { passive: true });
  // New content or images moved the preview's blocks: keep it at the editor's place.
  controller.surface.onLayout = () => requestAnimationFrame(fromEditor);
  return () => {
    editor.removeEventListener('scroll', onEditor);
    preview.removeEventListener('scroll', onPreview);
    for (const name of inputEvents) preview.removeEventListener(name, markInput);
    controller.surface.onLayout = () => {};
  };
}
