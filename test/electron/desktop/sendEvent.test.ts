// Every event the main process sends goes through sendEvent, typed by the contract;
// here one of each goes through it and what the page would receive is parsed by
// that event's schema, so a type that allowed what the schema refuses would show.
import { describe, expect, it } from 'vitest';
import { eventNames, events, type EventName, type EventPayload } from '../../../common/api';
import { sendEvent } from '../../../electron/desktop/sendEvent';
import { FakeWebContents } from '../fakeElectron';

/** One payload per event, as the main process and the backend make them; the type requires every event. */
const payloads: { [E in EventName]: EventPayload<E> } = {
  'posts.changed': { kind: 'changed', id: 'hello-world', version: 'b5bb9d8014a0f9b1d61e21e796d78dcc' },
  'site.progress': { done: 3, total: 12 },
  'publish.progress': { target: 'github', phase: 'uploading', files: { done: 2, total: 9 }, bytes: { done: 2048, total: 90_000 }, detail: 'posts/hello-world/index.html' },
  'app.command': { command: 'file.new' },
  'app.saveRequested': {},
  'app.openPost': { id: 'hello-world' },
  'app.fullScreen': { on: true },
};

describe('sendEvent', () => {
  it('sends each event of the contract under its name, with a payload its schema accepts', () => {
    const contents = new FakeWebContents();
    for (const name of eventNames) sendEvent(contents, name, payloads[name]);
    expect(contents.sent.map(([name]) => name)).toEqual(eventNames);
    for (const [name, payload] of contents.sent) expect(events[name as EventName].parse(payload)).toEqual(payloads[name as EventName]);
  });

  it('is refused by the schema when a payload breaks it (what the parse above would catch)', () => {
    const contents = new FakeWebContents();
    // A post id the type (a string) allows and the schema (a slug-like id) does not.
    sendEvent(contents, 'app.openPost', { id: '../outside' });
    expect(events['app.openPost'].safeParse(contents.sent[0]![1]).success).toBe(false);
  });

  it('sends nothing to a page that is gone, where Electron would throw', () => {
    const contents = new FakeWebContents();
    contents.destroy();
    sendEvent(contents, 'app.fullScreen', { on: false });
    expect(contents.sent).toEqual([]);
  });
});
