import type { CallFailure, CallResult, Input, MethodName, Output } from '../../shared/contract';

/** What the Electron preload exposes: one object, one function, typed from the contract. */
interface Bridge {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
}
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

/** Browser shell: the per-launch token arrives once in the address (?t=…) and is kept for this tab only. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('t');
  if (fromUrl) {
    sessionStorage.setItem('linli.token', fromUrl);
    url.searchParams.delete('t');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem('linli.token') ?? '';
}

let token: string | undefined;

async function transport(method: string, input: unknown, signal?: AbortSignal): Promise<CallResult<unknown>> {
  if (window.linli) return window.linli.call(method, input);
  token ??= browserToken();
  try {
    const res = await fetch(`/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-linli-token': token },
      body: JSON.stringify(input ?? {}),
      signal,
    });
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
