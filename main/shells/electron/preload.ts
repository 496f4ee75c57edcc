import { contextBridge, ipcRenderer } from 'electron';

// Sandboxed preload: exactly one object. The renderer's client types it from the contract; the main
// process validates and authorises every call at dispatch. Besides calls: the shell's news, and
// pairing this PC with a host.
contextBridge.exposeInMainWorld('linli', {
  call: (method: string, input: unknown) => ipcRenderer.invoke('linli:call', String(method), input),
  listen: (listener: (e: unknown) => void) => {
    const handler = (_e: unknown, event: unknown) => listener(event);
    ipcRenderer.on('linli:event', handler);
    return () => ipcRenderer.off('linli:event', handler);
  },
  connect: (address: string, code: string, name: string) => ipcRenderer.invoke('linli:connect', String(address), String(code), String(name)),
});
