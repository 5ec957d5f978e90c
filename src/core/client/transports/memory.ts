import type { Row } from '../../adapter/types';
import { SemanticError } from '../../semantic/errors';
import type { SemanticQuery } from '../../semantic/types';
import { sleep, throwIfAborted } from '../abort';
import { DataClientError, QueryError } from '../errors';
import { requestKey } from '../key';
import type {
  AskRequest,
  CompiledQuery,
  FeedbackRequest,
  Freshness,
  JennyAnswer,
  QueryResult,
  SemanticRequest,
  Transport,
} from '../types';

/** A fixture's result: rows alone, or rows with any of a `QueryResult`'s other fields. */
export type MemoryResult = readonly Row[] | (Partial<Omit<QueryResult, 'rows'>> & { rows: readonly Row[] });

/** What a resolver is given: the compiled SQL (with `request`), or a semantic request the client did not compile. */
export type MemoryResolver = (
  query: CompiledQuery | SemanticRequest,
) => MemoryResult | undefined | Promise<MemoryResult | undefined>;

export interface MemoryFixtures {
  /** Results by SQL text; whitespace runs are collapsed on both sides before comparing. */
  sql?: Readonly<Record<string, MemoryResult>>;
  /**
   * Results by semantic request, compared by content, whether or not the client compiled the request first
   * (a compiled query still carries its `request`).
   */
  semantic?: readonly { space: string; query: SemanticQuery; result: MemoryResult }[];
  /** Answers whatever the fixtures above do not; `undefined` means no answer. */
  resolve?: MemoryResolver;
  /** Jenny's answers by question (exact text), or a function. Without it the transport has no `ask`. */
  answers?: Readonly<Record<string, JennyAnswer>> | ((request: AskRequest) => JennyAnswer | undefined);
  /** Freshness by source. Without it the transport has no `freshness`. */
  freshness?: Readonly<Record<string, Freshness>>;
  /** Delay before every answer, in ms (an abort ends it at once). Default 0. */
  latencyMs?: number;
}

/** A memory transport, with what it was asked, for tests. */
export interface MemoryTransport extends Transport {
  /** Every query it received, in order. */
  readonly calls: readonly (CompiledQuery | SemanticRequest)[];
  /** Every feedback it received, in order. */
  readonly feedbackReceived: readonly FeedbackRequest[];
}

const NAME = 'memory';

const collapse = (sql: string) => sql.replace(/\s+/g, ' ').trim();

function toResult(result: MemoryResult): QueryResult {
  if (Array.isArray(result)) {
    const rows = result as readonly Row[];
    return { rows: [...rows], meta: [], rowCount: rows.length, truncated: false };
  }
  const full = result as Exclude<MemoryResult, readonly Row[]>;
  return {
    ...full,
    rows: [...full.rows],
    meta: full.meta ?? [],
    rowCount: full.rowCount ?? full.rows.length,
    truncated: full.truncated ?? false,
  };
}

/**
 * A transport that answers from fixtures held in memory: for tests, stories and static demos. Queries match by
 * semantic request, then by SQL text, then through `resolve`; `ask` streams the fixture answer's summary word by
 * word to `onText`. Nothing matching rejects with a `QueryError` (SQL) or a `SemanticError` (a semantic request).
 */
export function memoryTransport(fixtures: MemoryFixtures = {}): MemoryTransport {
  const latency = fixtures.latencyMs ?? 0;
  const calls: (CompiledQuery | SemanticRequest)[] = [];
  const feedbackReceived: FeedbackRequest[] = [];
  const bySql = new Map(Object.entries(fixtures.sql ?? {}).map(([sql, result]) => [collapse(sql), result]));
  const bySemantic = new Map(
    (fixtures.semantic ?? []).map((f) => [requestKey({ kind: 'semantic', space: f.space, query: f.query }), f.result]),
  );
  const spaces = [...new Set((fixtures.semantic ?? []).map((f) => f.space))];

  const wait = async (signal: AbortSignal) => {
    throwIfAborted(signal, NAME);
    if (latency > 0) await sleep(latency, signal, NAME);
  };

  const transport: MemoryTransport = {
    name: NAME,
    calls,
    feedbackReceived,
    async query(query, { signal }) {
      calls.push(query);
      await wait(signal);
      const request = 'sql' in query ? query.request : query;
      let found: MemoryResult | undefined;
      if (request.kind === 'semantic') found = bySemantic.get(requestKey(request));
      if (found === undefined && 'sql' in query) found = bySql.get(collapse(query.sql));
      if (found === undefined && fixtures.resolve) found = await fixtures.resolve(query);
      throwIfAborted(signal, NAME);
      if (found !== undefined) return toResult(found);
      if (!('sql' in query)) {
        throw new SemanticError(`The memory transport has no fixture for space "${query.space}" and this query`, {
          available: spaces,
        });
      }
      const preview = collapse(query.sql);
      throw new QueryError('query', `The memory transport has no fixture for SQL "${preview.slice(0, 120)}"`, {
        transport: NAME,
      });
    },
  };

  const { answers, freshness } = fixtures;
  if (answers) {
    transport.ask = async (request, { signal, onText }) => {
      await wait(signal);
      const answer = typeof answers === 'function' ? answers(request) : answers[request.question];
      if (!answer) {
        throw new DataClientError('query', `The memory transport has no answer to "${request.question}"`, {
          transport: NAME,
        });
      }
      if (onText) {
        for (const word of answer.summary.match(/\S+\s*/g) ?? []) {
          throwIfAborted(signal, NAME);
          onText(word);
        }
      }
      return answer;
    };
    transport.feedback = async (request, { signal }) => {
      await wait(signal);
      feedbackReceived.push(request);
    };
  }
  if (freshness) {
    transport.freshness = async (source, { signal }) => {
      await wait(signal);
      const found = freshness[source];
      if (!found) {
        throw new DataClientError('query', `The memory transport knows no source "${source}"`, { transport: NAME });
      }
      return found;
    };
  }
  return transport;
}
