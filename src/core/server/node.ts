/*
 * A Fetch-API handler on Node's own HTTP server (`node:http`), without importing Node: the request and response
 * objects are typed structurally, so this module loads on any runtime (it is only called on Node).
 */

/** The part of Node's `IncomingMessage` this uses. */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The part of Node's `ServerResponse` this uses. */
export interface NodeResponseLike {
  writeHead(status: number, headers: Record<string, string | string[]>): unknown;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  on(event: 'close' | 'drain' | 'error', listener: () => void): unknown;
  off?(event: 'close' | 'drain' | 'error', listener: () => void): unknown;
  destroy(error?: Error): unknown;
  readonly writableFinished?: boolean;
  readonly headersSent?: boolean;
}

export interface NodeListenerOptions {
  /**
   * The origin requests are read against (`https://api.example.com`), for handlers that build absolute URLs.
   * Default `http://` and the request's Host header (`localhost` without one).
   */
  origin?: string;
}

/**
 * Turns a Fetch-API handler, `(request: Request) => Promise<Response>` such as `createJennyHandler`'s, into a
 * listener for `http.createServer`. The request body streams to the handler; the response streams back (an answer's
 * events reach the client as they are written) with backpressure. When the client goes away before the response
 * ends, the request's `signal` aborts and the response body is cancelled, so the work behind it (a database
 * statement) stops.
 *
 * ```js
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(handler)).listen(3000);
 * ```
 */
export function toNodeListener(
  handler: (request: Request) => Promise<Response>,
  options: NodeListenerOptions = {},
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    const controller = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) controller.abort(new Error('The client closed the connection'));
    };
    res.on('close', onClose);
    let response: Response;
    try {
      response = await handler(toRequest(req, controller.signal, options.origin));
    } catch {
      // A handler that throws (createJennyHandler never does) answers 500 without saying why.
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.write(new TextEncoder().encode('{"error":{"code":"internal","message":"The server failed."}}'));
      }
      res.end();
      return;
    }
    if (controller.signal.aborted) {
      // The client has gone: nothing to write to.
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const cookies = response.headers.getSetCookie?.() ?? [];
    if (cookies.length) headers['set-cookie'] = cookies;
    res.writeHead(response.status, headers);
    if (!response.body) {
      res.end();
      return;
    }
    const reader = response.body.getReader();
    const cancel = () => {
      reader.cancel(controller.signal.reason).catch(() => undefined);
    };
    controller.signal.addEventListener('abort', cancel, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (controller.signal.aborted) return;
        if (!res.write(value)) await drained(res, controller.signal);
      }
      res.end();
    } catch {
      res.destroy();
    } finally {
      controller.signal.removeEventListener('abort', cancel);
    }
  };
}

function drained(res: NodeResponseLike, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off?.('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    res.on('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

function toRequest(req: NodeRequestLike, signal: AbortSignal, origin?: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':')) continue; // HTTP/2 pseudo-headers
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  let base = origin ?? `http://${headers.get('host') || 'localhost'}`;
  try {
    new URL(base);
  } catch {
    base = 'http://localhost'; // a Host header that is not a host
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks = req[Symbol.asyncIterator]();
    init.body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        const { done, value } = await chunks.next();
        if (done) stream.close();
        else stream.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : (value as Uint8Array));
      },
      async cancel() {
        await chunks.return?.();
      },
    });
    // A streamed request body needs half duplex (Node's fetch requires it to be said).
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', base), init);
}
