import type { DataClient } from '../../src/core/client';
import { toAnswerJson } from '../../src/core/jenny/stream';

/*
 * The seed's `/api/jenny/query`, answered in the page with no server: while installed, `window.fetch` answers a POST
 * to that path with the JSON the platform's API returns (`toAnswerJson`), from an answer of the data client (the
 * embedded warehouse: `client.ask` reads the question and runs it on PGlite). Every other request goes to the real
 * `fetch`.
 */

/** The path the seed's page posts its questions to. */
export const SEED_API_PATH = '/api/jenny/query';

/** What the seed's page sends. */
export interface SeedApiRequest {
  space: string;
  question: string;
}

export interface SeedApi {
  /** Wraps `window.fetch`; the function returned puts the page's own `fetch` back. */
  install(): () => void;
  /** Holds answers until `release` (a play function sees the question pending instead of racing the warehouse). */
  hold(): void;
  /** Lets held and later answers through. */
  release(): void;
  /** The bodies posted to the API, in order. */
  readonly requests: readonly SeedApiRequest[];
}

const pathOf = (input: RequestInfo | URL) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return new URL(url, window.location.href).pathname;
};

/** The seed's API on `client` (see the file's comment). */
export function createSeedApi(client: DataClient): SeedApi {
  const requests: SeedApiRequest[] = [];
  let held: { promise: Promise<void>; release: () => void } | undefined;

  const answer = async (init: RequestInit | undefined): Promise<Response> => {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as SeedApiRequest;
    requests.push(body);
    await held?.promise;
    try {
      const result = await client.ask({ space: body.space, question: body.question });
      return Response.json(toAnswerJson(result));
    } catch (error) {
      return Response.json({ error: error instanceof Error ? error.message : String(error) }, { status: 500 });
    }
  };

  return {
    install() {
      const real = window.fetch;
      const fake: typeof window.fetch = (input, init) =>
        pathOf(input) === SEED_API_PATH && (init?.method ?? 'GET').toUpperCase() === 'POST'
          ? answer(init)
          : real.call(window, input, init);
      window.fetch = fake;
      return () => {
        // Another wrapper installed since keeps its own: only this one is taken out.
        if (window.fetch === fake) window.fetch = real;
      };
    },
    hold() {
      if (held) return;
      let release = () => {};
      const promise = new Promise<void>((resolve) => {
        release = resolve;
      });
      held = { promise, release };
    },
    release() {
      held?.release();
      held = undefined;
    },
    requests,
  };
}
