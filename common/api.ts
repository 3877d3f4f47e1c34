// The contract between the UI and the backend, defined once.
//
// Every method has a zod schema for its argument tuple and a typed result;
// every event has a zod schema for its payload. The Electron preload and IPC
// handlers, the HTTP bridge and the renderer client are all derived from the
// objects below, so a method is added here and nowhere else by hand.
import { z } from 'zod';
import { ApiError, type Reply } from './errors';
import type { AddedVideo } from './addedVideo';
import type { CheckResult } from './check';
import type { RecoveredText } from './recovery';
import type { HistoryVersion, PostDocument, PostSummary, PreviewImage, SaveResult, WorkspaceInfo } from './types';
import type { SearchResult } from './search';
import type { SiteAddress } from './siteAddress';
import type { SiteBuildSummary, StandalonePost } from './site/types';
import { PublishProgressEvent, SecretKey, type ConnectionTest, type PublishOutcome, type PublishOverview, type ScheduleResult } from './publish';
import { TargetName } from './publishSettings';
import { menuCommandIds } from './commands';

export { ApiError, type Reply } from './errors';
export type * from './types';
export type * from './addedVideo';
export type * from './check';
export type * from './recovery';
export type * from './site/types';
export type * from './publish';
export type * from './search';
export type * from './siteAddress';

/** A phantom marker that carries a method's result type. */
export interface Returns<R> {
  readonly __result?: R;
}
const returns = <R>(): Returns<R> => ({});

export interface Method<A extends z.ZodTuple, R> {
  readonly args: A;
  readonly result: Returns<R>;
}
const method = <A extends z.ZodTuple, R>(args: A, result: Returns<R>): Method<A, R> => ({ args, result });

/** Posts are named by opaque id, never by path. */
const PostId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a post id');
/** The content hash the editor loaded; a save against another version conflicts. */
const Version = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a version');
/** A URL-safe slug: lower-case words joined by hyphens. */
export const Slug = z
  .string()
  .max(120)
  .regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, 'must be lower-case words joined by hyphens');
/** An image as base64 (the bridge carries JSON); 25 MiB of bytes at most. */
const ImageData = z
  .string()
  .max(Math.ceil((25 * 1024 * 1024) / 3) * 4, 'is larger than 25 MiB; images up to 25 MiB can be added')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
/** 32 MiB of text is far beyond any post; the cap keeps a bad caller from exhausting memory. */
const PostText = z.string().max(32 * 1024 * 1024, 'is larger than 32 MiB');

export const contract = {
  workspace: {
    /** The open workspace: its name, folder and settings. */
    info: method(z.tuple([]), returns<WorkspaceInfo>()),
  },
  posts: {
    /** Every post in the workspace, including those with broken front matter. */
    list: method(z.tuple([]), returns<PostSummary[]>()),
    /** One post's full text and the version to save against. */
    read: method(z.tuple([PostId]), returns<PostDocument>()),
    /** A new draft post (or page: about, now), its file name derived from the title. */
    create: method(
      z.tuple([z.object({ title: z.string().trim().min(1, 'must not be empty').max(200), kind: z.enum(['post', 'page']).optional() })]),
      returns<PostDocument>(),
    ),
    /** Atomic save; returns a conflict instead of overwriting a file changed on disk. */
    save: method(z.tuple([PostId, PostText, Version]), returns<SaveResult>()),
    /** Writes `text` to a new "conflicted copy" file beside the post, so a losing version is never dropped. */
    saveCopy: method(z.tuple([PostId, PostText]), returns<PostDocument>()),
    /** Renames the slug, the file and the post's assets folder together. */
    rename: method(z.tuple([PostId, Slug]), returns<PostDocument>()),
    /** Find in all posts: every post whose text contains the query (any case), most matches first, with snippets. */
    search: method(z.tuple([z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters')]), returns<SearchResult>()),
    /** Moves the post (and its assets folder) to the OS trash; `undo` restores it (null where no copy is kept: restore from the trash). */
    delete: method(z.tuple([PostId]), returns<{ trashedPath: string; undo: string | null }>()),
    /** Undo a delete: the post and its assets back where they were, bytes and modification times as they were. */
    restore: method(z.tuple([z.string().regex(/^\d{13}-[0-9a-f]{12}$/, 'must be a deleted post token')]), returns<PostDocument>()),
  },
  history: {
    /** The versions of a post that saves replaced, newest first, kept in the app's data folder. */
    list: method(z.tuple([PostId]), returns<HistoryVersion[]>()),
    /** The text of one kept version. */
    read: method(z.tuple([PostId, z.string().regex(/^\d{15}-\d{1,10}-[0-9a-f]{16}$/, 'must be a version id')]), returns<{ text: string }>()),
  },
  site: {
    /** Builds the whole site into the workspace's output folder; `site.progress` events report on the way. */
    build: method(z.tuple([z.object({ drafts: z.boolean().optional(), future: z.boolean().optional() }).strict()]), returns<SiteBuildSummary>()),
    /** One post as a self-contained HTML page (Export Post as HTML…, Copy as HTML). */
    exportPost: method(z.tuple([PostId]), returns<StandalonePost>()),
    /** The pre-publish check: broken links, missing images, duplicate slugs, bad dates, front-matter errors. */
    check: method(z.tuple([]), returns<CheckResult>()),
    /** The site's address (`baseUrl`) and whether it is a placeholder, which publishing asks about first. */
    address: method(z.tuple([]), returns<SiteAddress>()),
    /** Sets `baseUrl` in postwright.json (http or https), keeping every other key. */
    setAddress: method(z.tuple([z.string().trim().min(1, 'must not be empty').max(2048)]), returns<SiteAddress>()),
  },
  assets: {
    /**
     * Saves an image in the post's assets folder under a safe, unused name
     * made from `fileName`; returns its path and the relative link to insert.
     * With `downscale`, saves a smaller copy instead (common/largeImage.ts):
     * upright, without metadata (a photo's GPS position included).
     */
    add: method(z.tuple([PostId, z.string().max(1024), ImageData, z.object({ downscale: z.boolean() }).strict().optional()]), returns<{ path: string; link: string }>()),
    /**
     * For each workspace path, the size and srcset widths the export gives
     * that image (made now, or read from the image cache the export shares);
     * null for a path that is not an image the export resizes.
     */
    sizes: method(z.tuple([z.array(z.string().max(1024)).max(200)]), returns<(PreviewImage | null)[]>()),
    /**
     * Insert video: a YouTube or Vimeo address → the video's page, its title and a thumbnail fetched
     * once and stored in the post's assets folder. Offline or refused, it still answers, with `problem` said.
     */
    addVideo: method(z.tuple([PostId, z.string().trim().min(1, 'must not be empty').max(2048, 'is longer than 2048 characters')]), returns<AddedVideo>()),
  },
  recovery: {
    /** Keeps an unsaved editor buffer in the crash-recovery journal, in the app's data folder. */
    write: method(z.tuple([PostId, PostText, Version]), returns<void>()),
    /** Forgets a post's journal entry: it was saved, or the author went back to the saved text. */
    discard: method(z.tuple([PostId]), returns<void>()),
    /** The journal's texts that differ from the files on disk: what a crash left unsaved. */
    list: method(z.tuple([]), returns<RecoveredText[]>()),
    /** A clean quit: forgets every entry this run wrote. */
    clear: method(z.tuple([]), returns<void>()),
  },
  publish: {
    /** The configured targets (public settings, which secrets are set, last published) and where secrets are kept. */
    targets: method(z.tuple([]), returns<PublishOverview>()),
    /** Adds or replaces one target in postwright.json, keeping every other key; the config is checked against publishSettings. */
    saveTarget: method(z.tuple([TargetName, z.record(z.string(), z.json())]), returns<PublishOverview>()),
    /** Removes one target from postwright.json, and its secrets from the keychain. */
    removeTarget: method(z.tuple([TargetName]), returns<PublishOverview>()),
    /** Test Connection: connects, logs in and checks the bucket/repo/folder exists, changing nothing; `config` tests settings not yet saved. */
    test: method(z.tuple([TargetName, z.record(z.string(), z.json()).optional()]), returns<ConnectionTest>()),
    /** Builds, checks and uploads to one target or all; `publish.progress` events report on the way. */
    run: method(
      z.tuple([z.object({ target: TargetName.optional(), dryRun: z.boolean().optional(), force: z.boolean().optional() }).strict()]),
      returns<PublishOutcome[]>(),
    ),
    /** Stops the publish that is running; the live site stays whole and the next publish converges. */
    cancel: method(z.tuple([]), returns<void>()),
    /** Trusts an SSH host key the author was shown in a `host-key` error, if the host still presents that key; `config` as for `test`. */
    trustHostKey: method(
      z.tuple([TargetName, z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'must be a SHA256 key fingerprint'), z.record(z.string(), z.json()).optional()]),
      returns<void>(),
    ),
    /**
     * The author's yes to sending credentials to the address an `untrusted-endpoint` error named, kept on this
     * computer only; refused if the target (saved, or `config` as for `test`) now points somewhere else.
     */
    trustEndpoint: method(z.tuple([TargetName, z.string().min(1).max(4096), z.record(z.string(), z.json()).optional()]), returns<void>()),
    /** Keeps a secret in the OS keychain; `allowPlainText` is the author's yes where the OS cannot encrypt it. */
    setSecret: method(
      z.tuple([TargetName, SecretKey, z.string().min(1, 'must not be empty').max(16_384, 'is too long'), z.object({ allowPlainText: z.boolean().optional() }).strict().optional()]),
      returns<PublishOverview>(),
    ),
    clearSecret: method(z.tuple([TargetName, SecretKey]), returns<PublishOverview>()),
    /** Writes .github/workflows/postwright-publish.yml for one target (push + hourly cron), as `postwright schedule github` does; `force` replaces a changed one. */
    scheduleGithub: method(z.tuple([TargetName, z.object({ force: z.boolean().optional() }).strict()]), returns<ScheduleResult>()),
  },
  app: {
    /** Opens an http(s) or mailto link in the user's browser. */
    openExternal: method(z.tuple([z.url().max(4096)]), returns<void>()),
    /**
     * Copy Post as HTML in the desktop app: puts `html` on the OS clipboard as rich HTML with `text`
     * as its plain-text form. A browser tab copies through its own clipboard instead ('unsupported' here).
     */
    copyHtml: method(z.tuple([PostText, PostText]), returns<void>()),
    /** The page holds unsaved text (or no longer does), so the desktop app can ask before the OS ends the session. */
    unsavedChanged: method(z.tuple([z.boolean()]), returns<void>()),
    /** The page's answer to `app.saveRequested`: whether everything is saved now, so the close (or quit, reload) can go on. */
    saveFinished: method(z.tuple([z.boolean()]), returns<void>()),
    /**
     * The OS's locale for dates and times (Electron's app.getSystemLocale(), which the UI language need not
     * match); null outside the desktop app, where a browser tab formats with its own.
     */
    systemLocale: method(z.tuple([]), returns<string | null>()),
    /** Puts the desktop window in or out of full screen (distraction-free writing); a browser tab uses the Fullscreen API ('unsupported' here). */
    setFullScreen: method(z.tuple([z.boolean()]), returns<void>()),
  },
} as const;

const PostChange = z.object({
  kind: z.enum(['added', 'changed', 'removed']),
  id: PostId,
  /** The post as it is now on disk; absent when removed. */
  post: z.custom<PostSummary>().optional(),
  /** The content hash on disk, so an editor can tell its own save from an outside edit. */
  version: Version.optional(),
});

/** Commands chosen from the native menu, whose accelerators the page never sees: the command table's with a menu place. */
export const AppCommand = z.enum(menuCommandIds);
export type AppCommand = z.infer<typeof AppCommand>;

export const events = {
  /** A post file was added, changed or removed, by us or by another program. */
  'posts.changed': PostChange,
  /** How far a site build has got, in pages. */
  'site.progress': z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }),
  /** How far a publish has got: its phase, and files and bytes for the target at work. */
  'publish.progress': PublishProgressEvent,
  /** The author chose a menu item that the page carries out. */
  'app.command': z.object({ command: AppCommand }),
  /** The author chose Save when the window was about to close with unsaved text: save, then answer with `app.saveFinished`. */
  'app.saveRequested': z.object({}),
  /** The OS asked to open this post: a .md file opened from the file manager, the Dock or a command line. */
  'app.openPost': z.object({ id: PostId }),
  /** The desktop window entered or left full screen, by the page's request or the OS's (the green button, F11). */
  'app.fullScreen': z.object({ on: z.boolean() }),
} as const;

type Contract = typeof contract;
export type Namespace = keyof Contract;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type Unsubscribe = () => void;

type Fn<M> = M extends Method<infer A, infer R> ? (...args: z.input<A>) => Promise<R> : never;

/** What the backend implements: one async function per method. */
export type Handlers = { [N in Namespace]: { [M in keyof Contract[N]]: Fn<Contract[N][M]> } };

/** What the UI calls: the handlers plus typed event subscriptions. */
export type BlogApi = Handlers & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
};

/** What a transport carries: the same methods, but with errors folded into a Reply. */
export type RawApi = {
  [N in Namespace]: {
    [M in keyof Contract[N]]: Contract[N][M] extends Method<infer A, infer R>
      ? (...args: z.input<A>) => Promise<Reply<R>>
      : never;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
};

export interface MethodEntry {
  readonly namespace: Namespace;
  readonly name: string;
  /** The one place a channel string is made: `namespace.name`. */
  readonly channel: string;
  readonly args: z.ZodTuple;
}

/** Every method of the contract, flattened; the transports iterate this. */
export const methods: readonly MethodEntry[] = Object.entries(contract).flatMap(([namespace, group]) =>
  Object.entries(group).map(([name, m]) => ({
    namespace: namespace as Namespace,
    name,
    channel: `${namespace}.${name}`,
    args: (m as Method<z.ZodTuple, unknown>).args,
  })),
);

const byChannel = new Map(methods.map((m) => [m.channel, m]));

export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Validates a call's arguments, or throws a typed `invalid-arguments` error naming what is wrong. */
export function parseArgs(channel: string, args: unknown): unknown[] {
  const entry = byChannel.get(channel);
  if (!entry) throw new ApiError('not-found', `There is no method called "${channel}".`);
  const parsed = entry.args.safeParse(args);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `argument ${i.path.length ? i.path.join('.') : ''} ${i.message}`.replace(/\s+/g, ' '))
      .join('; ');
    throw new ApiError('invalid-arguments', `${channel}: ${detail}`);
  }
  return parsed.data as unknown[];
}

/** Runs one call against the backend: validate, call, and fold any error into a Reply. */
export async function dispatch(handlers: Handlers, channel: string, args: unknown): Promise<Reply<unknown>> {
  try {
    const valid = parseArgs(channel, args);
    const entry = byChannel.get(channel)!;
    const group = handlers[entry.namespace] as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const value = await group[entry.name]!(...valid);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: ApiError.from(error).toJSON() };
  }
}

/** The transport-neutral pieces a client needs: one call and one subscription primitive. */
export interface Transport {
  invoke(channel: string, args: unknown[]): Promise<Reply<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

/** Builds the nested, named-method object from a transport, folding Replies back into throws. */
export function createApi<T extends BlogApi | RawApi>(transport: Transport, unwrap: boolean): T {
  const api: Record<string, unknown> = {
    on: (event: EventName, listener: (payload: unknown) => void) => {
      if (!isEventName(event)) throw new ApiError('invalid-arguments', `There is no event called "${String(event)}".`);
      return transport.subscribe(event, listener);
    },
  };
  for (const m of methods) {
    const group = (api[m.namespace] ??= {}) as Record<string, unknown>;
    group[m.name] = async (...args: unknown[]) => {
      const reply = await transport.invoke(m.channel, args);
      if (!unwrap) return reply;
      if (reply.ok) return reply.value;
      throw ApiError.fromJSON(reply.error);
    };
  }
  return api as T;
}

/** Makes a Transport out of a RawApi (what the preload exposes). */
export function rawTransport(raw: RawApi): Transport {
  return {
    invoke: (channel, args) => {
      const entry = byChannel.get(channel)!;
      const group = raw[entry.namespace] as Record<string, (...a: unknown[]) => Promise<Reply<unknown>>>;
      return group[entry.name]!(...args);
    },
    subscribe: (event, listener) => raw.on(event, listener as never),
  };
}
