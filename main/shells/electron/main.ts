import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { AppError } from '../../core/errors';
import { defaultDataDir, resolveLedgerPath } from '../../core/paths';
import { translate } from '../../../shared/i18n/resources';
import { CSP, CONTENT_TYPES } from '../security';
import { openShellSide, type OpenedShell } from '../open';
import type { WindowLink } from '../backend';

const ORIGIN = 'app://linli';
const rendererDir = path.join(__dirname, '..', 'renderer');
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// One data folder for both shells: Electron's default would follow productName ("Linli 邻里").
app.setPath('userData', defaultDataDir());
if (!app.requestSingleInstanceLock()) app.quit();

let win: BrowserWindow | null = null;
let core: OpenedShell | null = null;
/** The window's session (here, or at the host for a desk): signed in through the login screen, checked by dispatch on every call. */
let windowLink: WindowLink | null = null;

interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized?: boolean;
}
const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');
function loadState(): WindowState {
  try {
    return { ...{ width: 1280, height: 860 }, ...(JSON.parse(fs.readFileSync(stateFile(), 'utf8')) as Partial<WindowState>) };
  } catch {
    return { width: 1280, height: 860 };
  }
}
function saveState(w: BrowserWindow) {
  const b = w.getNormalBounds();
  fs.writeFileSync(stateFile(), JSON.stringify({ ...b, maximized: w.isMaximized() }));
}

/** Like VS Code's validatedIpcMain: only our own main frame may call. */
function fromOurFrame(e: IpcMainInvokeEvent): boolean {
  const frame = e.senderFrame;
  return !!win && !!frame && frame === win.webContents.mainFrame && new URL(frame.url).origin === ORIGIN;
}

function createWindow() {
  const state = loadState();
  win = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Linli',
    icon: path.join(__dirname, '..', '..', 'build', 'icon.png'),
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A packaged build opens no developer tools (they reach every record on screen and the IPC bridge).
      devTools: !app.isPackaged,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => win && saveState(win));
  void win.loadURL(`${ORIGIN}/index.html`);
}

app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e, url) => {
    if (new URL(url).origin !== ORIGIN) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

void app.whenReady().then(async () => {
  // No default menu in a packaged build: its View menu holds Reload and Toggle Developer Tools.
  if (app.isPackaged) Menu.setApplicationMenu(null);
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return new Response('bad request', { status: 400 }); // a malformed escape (%FF) is a bad request, not a crash
    }
    const file = path.resolve(rendererDir, decoded.replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file)) return new Response('not found', { status: 404 });
    return new Response(fs.readFileSync(file), {
      headers: { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP },
    });
  });
  const ledgerPath = resolveLedgerPath(process.argv);
  const electronBinding = process.env.LINLI_ELECTRON_SQLITE;
  try {
    core = await openShellSide(ledgerPath, process.argv, 'electron', electronBinding);
    windowLink = await core.backend().openWindow();
  } catch (err) {
    const { dialog } = require('electron') as typeof import('electron');
    dialog.showErrorBox('Linli', err instanceof AppError ? translate('zh-CN', `errors:${err.code}`, err.params) : String(err));
    app.quit();
    return;
  }
  const forbidden = { ok: false, code: 'forbidden', messageKey: 'call.forbidden' };
  let stopNews = core.backend().listen((e) => win?.webContents.send('linli:event', e));
  ipcMain.handle('linli:call', (e, method: unknown, input: unknown) => {
    if (!fromOurFrame(e) || !core || !windowLink) return forbidden;
    return core.backend().call(windowLink, String(method), input);
  });
  ipcMain.handle('linli:connect', async (e, address: unknown, code: unknown, name: unknown) => {
    if (!fromOurFrame(e) || !core) return forbidden;
    const fields = [address, code, name].map((v) => (typeof v === 'string' ? v.trim().slice(0, 100) : ''));
    if (fields.some((v) => !v)) return { ok: false, code: 'invalidInput', messageKey: 'host.connectFieldsMissing' };
    try {
      const next = await core.connect(fields[0]!, fields[1]!, fields[2]!);
      stopNews();
      stopNews = next.listen((ev) => win?.webContents.send('linli:event', ev));
      windowLink = await next.openWindow();
      return { ok: true, value: { name: fields[2] } };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, code: err.code, messageKey: err.code, params: err.params };
      throw err;
    }
  });
  createWindow();
});

app.on('window-all-closed', () => {
  void (core?.close() ?? Promise.resolve()).finally(() => app.quit());
});
