// Starts electron/main.ts (and the real preload) against a fresh fake `electron`,
// with a stand-in for the page's scripts: on every load of the app page it makes
// the contract client the renderer makes (client.ts) and installs the renderer's
// own unload guard. The editor is reduced to what the guard needs: one open post
// whose text the test edits and saves through the contract.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { createClient, eventNames, events, rawTransport, type BlogApi, type RawApi } from '../../common/api';
import { guardUnload, type UnloadGuard } from '../../renderer/unloadGuard';
import type { FakeElectron, FakePage } from './fakeElectron';

export interface LoadedPage {
  page: FakePage;
  api: BlogApi;
  guard: UnloadGuard;
  /** The events this page heard, in order, each parsed by its schema. */
  heard: [string, unknown][];
}

/** The open post, as the page's editor holds it. */
export class PageEditor {
  id = '';
  text = '';
  version = '';
  constructor(private readonly current: () => LoadedPage) {}

  async open(id: string): Promise<void> {
    const doc = await this.current().api.posts.read(id);
    Object.assign(this, { id, text: doc.text, version: doc.version });
    this.current().guard.setUnsaved(false);
  }

  /** The author types: the text is unsaved, and the recovery writer journals it. */
  async type(text: string): Promise<void> {
    this.text += text;
    this.current().guard.setUnsaved(true);
    await this.current().api.recovery.write(this.id, this.text, this.version);
  }

  /** What the renderer's session.save() does: save, and on success drop the journal entry. */
  async save(): Promise<boolean> {
    const { api, guard } = this.current();
    const result = await api.posts.save(this.id, this.text, this.version);
    if (result.status !== 'saved') return false;
    this.version = result.version;
    guard.setUnsaved(false);
    await api.recovery.discard(this.id);
    return true;
  }
}

export interface LaunchedApp {
  fake: FakeElectron;
  pages: LoadedPage[];
  /** The page loaded now. */
  page(): LoadedPage;
  editor: PageEditor;
  window(): ReturnType<FakeElectron['recorded']['openWindows']>[number];
}

export interface LaunchOptions {
  argv?: string[];
  /** Runs before main.ts: seed the profile (state.json) or the folders. */
  prepare?: (userDataRoot: string) => void;
  /** Runs after main.ts is imported and before `ready`. */
  beforeReady?: (fake: FakeElectron) => void;
  /** Wait for the app page (default), or just for a window (the welcome screen). */
  waitForAppPage?: boolean;
}

export async function launchApp({ argv = ['/opt/Postwright/postwright'], prepare, beforeReady, waitForAppPage = true }: LaunchOptions = {}): Promise<LaunchedApp> {
  const userDataRoot = mkdtempSync(join(tmpdir(), 'postwright-electron-'));
  prepare?.(userDataRoot);
  vi.resetModules();
  vi.doMock('electron', async () => (await import('./fakeElectron')).createFakeElectron(userDataRoot, { deferReady: true }));
  const fake = (await import('electron')) as unknown as FakeElectron;
  const pages: LoadedPage[] = [];
  const page = () => pages.at(-1)!;
  const editor = new PageEditor(page);
  fake.recorded.onPageLoad = (loaded) => {
    if (new URL(loaded.url).pathname !== '/index.html') return;
    const api = createClient(rawTransport(fake.recorded.exposed.postwright as RawApi));
    const guard = guardUnload(loaded, { api, save: () => editor.save() });
    const life: LoadedPage = { page: loaded, api, guard, heard: [] };
    // Every event the page hears is parsed by its schema in the contract: a payload that breaks it fails the test.
    for (const name of eventNames) api.on(name, (payload) => life.heard.push([name, events[name].parse(payload)]));
    pages.push(life);
  };
  await import('../../electron/preload');
  const saved = process.argv;
  process.argv = argv;
  try {
    await import('../../electron/main');
  } finally {
    process.argv = saved;
  }
  beforeReady?.(fake);
  fake.recorded.becomeReady();
  await vi.waitFor(() => expect(fake.recorded.windows.length).toBeGreaterThan(0), { timeout: 10_000 });
  if (waitForAppPage) await vi.waitFor(() => expect(pages.length).toBeGreaterThan(0), { timeout: 10_000 });
  return { fake, pages, page, editor, window: () => fake.recorded.openWindows()[0]! };
}

/** Writes the app's remembered state (electron-store's state.json) into a profile before launch. */
export function rememberFolders(userDataRoot: string, folders: string[]): void {
  mkdirSync(join(userDataRoot, 'userData'), { recursive: true });
  writeFileSync(join(userDataRoot, 'userData', 'state.json'), JSON.stringify({ recentWorkspaces: folders }));
}
