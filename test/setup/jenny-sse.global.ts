import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import type { JennyOutcome, Transport } from '../../src/core/client/types';
import { demoSpaces } from '../../src/core/semantic';
import { createJennyHandler } from '../../src/core/server/handler';
import { toNodeListener } from '../../src/core/server/node';
import { createDemoWarehouse } from '../../src/core/warehouse';
import makeWarehouseSnapshots from './warehouse.global';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin (`http://127.0.0.1:<port>`) of Jenny's real handler on the demo warehouse: see jenny-sse.global.ts. */
    jennySse: string;
  }
}

/** What the server saw of one request to Jenny's API (`GET /__log` lists them, oldest first). */
export interface JennySseRecord {
  id: number;
  method: string;
  path: string;
  /** The response's status, once its head was written. */
  status?: number;
  /** The response's content type (`text/event-stream…` for a streamed answer). */
  contentType?: string;
  /** The response ended normally (`res.end()` ran, the stream's last byte was written). */
  finished: boolean;
  /** The connection closed before the response ended: the client went away mid-stream. */
  closedEarly: boolean;
  /** The `Request.signal` the handler was given aborted (what `toNodeListener` does when the client goes away). */
  requestAborted: boolean;
  /** Statements run for the request (through the transport). */
  queries: number;
  /** A statement's signal aborted while it was running or held: the handler cancelled the work behind the answer. */
  queryAborted: boolean;
  /** The question, as the handler logged it. */
  question?: string;
  /** The handler's own outcome for the question (`answered`, `error`, `aborted`…), from its question log. */
  outcome?: JennyOutcome;
}

/**
 * A local HTTP server for real-browser tests of Jenny's streaming (test/browser/jenny-panel-stream.test.tsx): the real
 * `createJennyHandler` served through `toNodeListener`, answering from the embedded demo warehouse (PGlite, started
 * from the run's cached snapshot), on `127.0.0.1` and a random port, with CORS for the test page's origin. Tests
 * read its origin with `inject('jennySse')`.
 *
 * The transport under the handler is the real `pgliteTransport`, wrapped so a test can steer it without changing any
 * SQL (no request carries a switch; the test calls these routes itself):
 *
 * - `POST /__hold`: every statement from now on waits before it runs, until `POST /__release` (or until its signal
 *   aborts, as a cancelled statement would). A test sees "Running the query…" for as long as it likes.
 * - `POST /__release`: lets held statements run, and stops holding new ones.
 * - `POST /__fail-next`: the next request to Jenny's API fails its first statement (a plain `Error`, which the
 *   handler reports as "The answer failed.").
 * - `GET /__log`: a `JennySseRecord` per request to `/api/…`, oldest first.
 * - `POST /__reset`: releases held statements, forgets a pending failure, and empties the log.
 */
export default async function setup(project: TestProject) {
  // The demo warehouse's snapshot, made once and cached by the unit projects' global setup: reuse it (0.5 s to
  // start) rather than seed the warehouse again (3 s or more).
  let snapshots: { demo: string } | undefined;
  await makeWarehouseSnapshots({
    provide: (_key: string, value: { demo: string }) => {
      snapshots = value;
    },
  } as unknown as TestProject);
  if (!snapshots) throw new Error('jenny-sse.global: the warehouse setup provided no snapshot');
  const warehouse = await createDemoWarehouse({ snapshot: readFileSync(snapshots.demo) });

  const records: JennySseRecord[] = [];
  let serial = 0;
  /** The record of the request whose work is running (statements and the question log run inside it). */
  const current = new AsyncLocalStorage<JennySseRecord>();
  let hold: { promise: Promise<void>; release: () => void } | undefined;
  let failNext = false;

  const base = pgliteTransport({ db: warehouse.db, log: false });
  const transport: Transport = {
    name: 'pglite (jenny-sse test server)',
    async query(query, ctx) {
      const record = current.getStore();
      if (!record) return base.query(query, ctx);
      record.queries++;
      const onAbort = () => {
        record.queryAborted = true;
      };
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      try {
        if (failNext) {
          failNext = false;
          throw new Error('A failure the jenny-sse test server was asked for');
        }
        if (hold) await waitOrAbort(hold.promise, ctx.signal);
        return await base.query(query, ctx);
      } finally {
        ctx.signal.removeEventListener('abort', onAbort);
      }
    },
    freshness: base.freshness?.bind(base),
    feedback: base.feedback?.bind(base),
  };

  const handler = createJennyHandler({
    transport,
    spaces: demoSpaces,
    // The demo warehouse's data ends on the day before its last load (2025-12-31): "last 30 days" counts from there.
    today: 'data',
    log: (entry) => {
      const record = current.getStore();
      if (!record) return;
      record.question = entry.question;
      record.outcome = entry.outcome;
    },
    // The failure /__fail-next asks for is reported here: it is expected.
    onError: () => undefined,
  });

  // One question before serving: loads the dimension values the interpreter reads (once per handler, through a
  // statement that would otherwise be the first a test holds or fails) and warms PGlite. Fails the setup loudly.
  const warm = await handler(
    new Request('http://127.0.0.1/api/jenny/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ space: 'sales', question: 'Top 5 brands by revenue last 30 days' }),
    }),
  );
  if (!warm.ok) throw new Error(`jenny-sse.global: the warm-up question failed: ${warm.status} ${await warm.text()}`);
  await warm.text();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type, accept, authorization');
    res.setHeader('access-control-max-age', '600');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith('/__')) {
      control(method, url.pathname, res);
      return;
    }

    const record: JennySseRecord = {
      id: ++serial,
      method,
      path: url.pathname,
      finished: false,
      closedEarly: false,
      requestAborted: false,
      queries: 0,
      queryAborted: false,
    };
    records.push(record);
    res.on('close', () => {
      record.finished = res.writableEnded;
      record.closedEarly = !res.writableEnded;
      if (res.headersSent) {
        record.status = res.statusCode;
        const type = res.getHeader('content-type');
        if (type !== undefined) record.contentType = String(type);
      }
    });
    // The handler as toNodeListener serves it, wrapped per request to see the Request.signal it is given.
    const observed = toNodeListener(async (request) => {
      request.signal.addEventListener(
        'abort',
        () => {
          record.requestAborted = true;
        },
        { once: true },
      );
      return handler(request);
    });
    void current.run(record, () => observed(req, res));
  });

  function control(method: string, path: string, res: ServerResponse) {
    const ok = (body: unknown = { ok: true }) => {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (method === 'GET' && path === '/__log') return ok(records);
    if (method === 'POST' && path === '/__hold') {
      if (!hold) {
        let release = () => {};
        const promise = new Promise<void>((resolve) => {
          release = resolve;
        });
        hold = { promise, release };
      }
      return ok();
    }
    if (method === 'POST' && path === '/__release') {
      hold?.release();
      hold = undefined;
      return ok();
    }
    if (method === 'POST' && path === '/__fail-next') {
      failNext = true;
      return ok();
    }
    if (method === 'POST' && path === '/__reset') {
      hold?.release();
      hold = undefined;
      failNext = false;
      records.length = 0;
      return ok();
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `No control route ${method} ${path}` }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  project.provide('jennySse', `http://127.0.0.1:${port}`);

  return async () => {
    hold?.release();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await warehouse.close();
  };
}

/** Resolves when `promise` does, or rejects with the signal's reason when it aborts first. */
function waitOrAbort(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
