// Runs in the sandboxed preload. Exposes the contract's named methods as
// `window.postwright`, never ipcRenderer itself; the channel names come from
// the contract, not from this file.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createRawApi, type Reply } from '../common/api';

const api = createRawApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, ...args) as Promise<Reply<unknown>>,
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
});

contextBridge.exposeInMainWorld('postwright', api);
