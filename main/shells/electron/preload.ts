import { contextBridge, ipcRenderer } from 'electron';

// Sandboxed preload: exactly one object with one function. The renderer's client types it from the
// contract; the main process validates and authorises every call at dispatch.
contextBridge.exposeInMainWorld('linli', {
  call: (method: string, input: unknown) => ipcRenderer.invoke('linli:call', String(method), input),
});
