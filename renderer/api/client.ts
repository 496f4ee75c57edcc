import type { CallFailure, CallResult, Input, MethodName, Output } from '../../shared/contract';

/** What the Electron preload exposes: one object, one function, typed from the contract. */
interface Bridge {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
  listen?(listener: (e: ShellEvent) => void): () => void;
  connect?(address: string, code: string, name: string): Promise<CallResult<unknown>>;
}

/** What the shell tells a window: a write committed somewhere (by module), the host gone or back, everyone signed out. */
export type ShellEvent = { type: 'changed'; modules: string[] } | { type: 'host'; up: boolean; certChanged?: boolean } | { type: 'signedOut'; reason: 'restore' | 'revoked' };
declare global {
  interface Window {
    linli?: Bridge;
  }
}

export class CallError extends Error {
  constructor(readonly failure: CallFailure) {
    super(failure.messageKey);
  }
}

/**
 * Browser shell: the window opens on a one-time launch code (?launch=…), traded once for this window's
 * token, which is kept for this tab only; signing in or out hands a new one back. The code leaves the
 * address at once, and is worthless by then anyway.
 */
const TOKEN_KEY = 'linli.token';
let token: string | undefined;
let claiming: Promise<string> | undefined;

async function browserToken(): Promise<string> {
  if (token) return token;
  if (claiming) return claiming; // calls made while the window trades its launch code wait for the token
  const url = new URL(window.location.href);
  const launch = url.searchParams.get('launch');
  if (!launch) return (token = sessionStorage.getItem(TOKEN_KEY) ?? '');
  url.searchParams.delete('launch');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  claiming = fetch('/session/claim', { method: 'POST', headers: { 'content-type': 'application/json', 'x-linli-launch': launch }, body: '{}' })
    .then(async (res) => (res.ok ? ((await res.json()) as { token: string }).token : ''))
    .catch(() => '');
  token = await claiming;
  sessionStorage.setItem(TOKEN_KEY, token);
  return token;
}

async function post(method: string, input: unknown, used: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-linli-token': used },
    body: JSON.stringify(input ?? {}),
    signal,
  });
}

async function transport(method: string, input: unknown, signal?: AbortSignal): Promise<CallResult<unknown>> {
  if (window.linli) return window.linli.call(method, input);
  try {
    const used = await browserToken();
    let res = await post(method, input, used, signal);
    // Sent just before a sign-in changed the token: once more with the new one.
    if (res.status === 401 && token && token !== used) res = await post(method, input, token, signal);
    const next = res.headers.get('x-linli-token');
    if (next) {
      token = next;
      sessionStorage.setItem(TOKEN_KEY, next);
    }
    return (await res.json()) as CallResult<unknown>;
  } catch (err) {
    if (signal?.aborted) throw err; // a superseded search: nobody waits for it
    return { ok: false, code: 'network', messageKey: 'call.network' };
  }
}

/** The only way the renderer reaches the ledger: one typed call per contract method. */
export async function call<M extends MethodName>(method: M, input: Input<M>, signal?: AbortSignal): Promise<Output<M>> {
  const result = await transport(method, input, signal);
  if (!result.ok) throw new CallError(result);
  return result.value as Output<M>;
}

/**
 * The shell's news for this window, kept open for as long as the window lives: a stream from the
 * loopback shell (fetch, so the token travels in a header), reopened two seconds after it drops.
 */
export function listenToShell(listener: (e: ShellEvent) => void): () => void {
  if (window.linli) return window.linli.listen?.(listener) ?? (() => undefined);
  let stopped = false;
  let abort: AbortController | undefined;
  const open = async () => {
    while (!stopped) {
      abort = new AbortController();
      try {
        const res = await fetch('/events', { method: 'POST', headers: { 'content-type': 'application/json', 'x-linli-token': await browserToken() }, body: '{}', signal: abort.signal });
        if (res.ok && res.body) {
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let end;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
              buffer = buffer.slice(end + 2);
              if (data) listener(JSON.parse(data) as ShellEvent);
            }
          }
        }
      } catch {
        // the shell went away or the window is closing: try again shortly
      }
      if (!stopped) await new Promise((r) => setTimeout(r, 2000));
    }
  };
  void open();
  return () => {
    stopped = true;
    abort?.abort();
  };
}

/** 连接到主机: makes this PC a desk of the office's host (its first screen offers it). */
export async function connectToHost(address: string, code: string, name: string): Promise<void> {
  let result: CallResult<unknown>;
  if (window.linli?.connect) result = await window.linli.connect(address, code, name);
  else {
    try {
      const res = await fetch('/desk/connect', { method: 'POST', headers: { 'content-type': 'application/json', 'x-linli-token': await browserToken() }, body: JSON.stringify({ address, code, name }) });
      result = (await res.json()) as CallResult<unknown>;
    } catch {
      result = { ok: false, code: 'network', messageKey: 'call.network' };
    }
  }
  if (!result.ok) throw new CallError(result);
}
