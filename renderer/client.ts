// The renderer's one way to reach the backend. In the desktop app the preload
// exposes `window.postwright` (named methods over IPC); in a plain browser the
// same contract runs over the HTTP bridge started by `npm run serve`.
import { createClient, rawTransport, type BlogApi, type EventName, type Reply, type Transport } from '../common/api';

/** The bridge puts its token in the URL fragment, which is never sent to a server or logged. */
function bridgeToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('postwright.token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem('postwright.token') ?? '';
}

function bridgeTransport(token: string): Transport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  /** Calls wait for the event stream to open, so no change falls between a reply and the first event. */
  let streamOpen: Promise<void> = Promise.resolve();
  const connect = () => {
    const stream = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source = stream;
    // Bounded: a stream that cannot open must not hold up every call.
    streamOpen = new Promise((resolve) => {
      stream.addEventListener('open', () => resolve(), { once: true });
      setTimeout(resolve, 3000);
    });
    for (const event of listeners.keys()) attach(event);
  };
  const attach = (event: EventName) =>
    source?.addEventListener(event, (e) => {
      const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  return {
    async invoke(channel, args) {
      await streamOpen;
      let response: Response;
      const body = JSON.stringify(args);
      try {
        response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
          // A small call may outlive the page (a journal discard as the tab closes); the browser allows 64 KiB of these in flight.
          keepalive: body.length <= 1024,
        });
      } catch {
        return { ok: false, error: { code: 'io', message: 'Postwright is not running: the connection to the bridge was lost.' } };
      }
      return (await response.json()) as Reply<unknown>;
    },
    subscribe(event, listener) {
      if (!source) connect();
      let set = listeners.get(event);
      if (!set) {
        listeners.set(event, (set = new Set()));
        attach(event);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

const token = window.postwright ? '' : bridgeToken();

function transport(): Transport {
  return window.postwright ? rawTransport(window.postwright) : bridgeTransport(token);
}

/** Only main.tsx asks for it; components get it from <ApiProvider> (apiContext.tsx). */
export const api: BlogApi = createClient(transport());

/**
 * Where the preview loads workspace images: Electron's `postwright-asset:`
 * protocol, or the bridge's token-scoped `/asset/` route.
 */
export const assetRoute = window.postwright
  ? { origin: 'postwright-asset://workspace', base: 'postwright-asset://workspace/' }
  : { origin: location.origin, base: `${location.origin}/asset/${encodeURIComponent(token)}/` };
