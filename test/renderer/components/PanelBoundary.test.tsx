// @vitest-environment jsdom
// A panel that throws while rendering shows its own message; its siblings (the
// editor among them) stay mounted, and Close and Try again work.
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary } from '../../../renderer/components/PanelBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let broken = true;
function Panel() {
  if (broken) throw new Error('cannot read the result');
  return <p>publish result</p>;
}

function Window() {
  const [open, setOpen] = useState(true);
  return (
    <>
      <textarea defaultValue="unsaved text" />
      {open && (
        <PanelBoundary name="Publish" onClose={() => setOpen(false)}>
          <Panel />
        </PanelBoundary>
      )}
    </>
  );
}

describe('PanelBoundary', () => {
  let root: Root;
  let host: HTMLElement;
  beforeEach(() => {
    broken = true;
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    // React reports caught errors on the console; they are expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
    vi.restoreAllMocks();
  });

  const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;

  it('shows what failed in place of the panel and keeps the rest of the window', () => {
    act(() => root.render(<Window />));
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Publish stopped working: cannot read the result');
    expect(host.querySelector('textarea')?.value).toBe('unsaved text');
    act(() => button('Close').click());
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(host.querySelector('textarea')?.value).toBe('unsaved text');
  });

  it('renders the panel again on Try again once it can', () => {
    act(() => root.render(<Window />));
    broken = false;
    act(() => button('Try again').click());
    expect(host.textContent).toContain('publish result');
  });

  it('keeps what it is given to keep (the editor) when the whole window fails', () => {
    act(() => root.render(
      <PanelBoundary name="Postwright" keep={<textarea defaultValue="unsaved text" />}>
        <Panel />
      </PanelBoundary>,
    ));
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Postwright stopped working');
    expect(host.querySelector('textarea')?.value).toBe('unsaved text');
  });
});
