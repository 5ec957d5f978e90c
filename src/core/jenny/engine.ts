import { abortedError, isAbortError, raceAbort } from '../client/abort';
import type { DataClient } from '../client/client';
import { mergeMeta } from '../client/client';
import type { AskRequest, Freshness, JennyAnswer, Transport } from '../client/types';
import type { Messages } from '../messages/types';
import { compileQuery } from '../semantic/compile';
import type { SemanticSpace } from '../semantic/define';
import { SemanticError } from '../semantic/errors';
import type { SpaceDefinition } from '../semantic/types';
import { isIsoDay } from '../util/iso-date';
import { type AnswerSource, answerQuestion } from './answer';
import { createQuestionInterpreter, type InterpretOptions, type QuestionInterpreter } from './interpret';
import { type JennyChunk, SUMMARY_ID } from './protocol';
import { checkReading } from './reading';
import { addDays, calendarDay } from './spans';
import type { DimensionValues, Interpretation } from './types';
import { loadDimensionValues } from './values';
import type { JennyWords } from './words';

/**
 * The day relative periods ("last 30 days") count from: an ISO day, `'calendar'` (today in UTC, when asked), or
 * `'data'`: the day before the space's freshness job last finished a successful run (a nightly load that finished
 * on 2026-01-01 covers through 2025-12-31), else the calendar day.
 */
export type JennyToday = 'calendar' | 'data' | (string & {});

export interface JennyEngineOptions {
  /** Where rows come from: a `DataClient`, or `transportSource(transport, spaces)`. */
  source: AnswerSource;
  /** The spaces the interpreter reads questions in. Default every space of `source`. */
  spaces?: readonly SpaceDefinition[];
  /** The day relative periods count from (see `JennyToday`). Default `'calendar'`. */
  today?: JennyToday;
  /**
   * Each text dimension's values, which let the interpreter read "in NCR" as a filter. Default: loaded once through
   * `source` (`loadDimensionValues`) on the first question, then kept; `false` loads none.
   */
  values?: DimensionValues | false;
  /** The locale numbers and dates are written in. Default `'en-US'`. */
  locale?: string;
  /** An interpreter to use instead of building one (then `values` is not loaded; give it the same `today`). */
  interpreter?: QuestionInterpreter;
  /** Jenny's words, whole or in part. Default English. */
  words?: Partial<JennyWords>;
  /** The words a chart's option says. Default English. */
  chartMessages?: Partial<Messages['chart']>;
}

export interface JennyAskOptions {
  /** Aborts the answer: it rejects with an `'aborted'` DataClientError and reports nothing more. */
  signal?: AbortSignal;
  /** Called with each chunk of the answer (see protocol.ts). */
  onPart?: (chunk: JennyChunk) => void;
  /** Called with each piece of the summary as it is written. */
  onText?: (delta: string) => void;
}

export interface JennyEngine {
  /** Reads the question (with the conversation so far) and answers it from rows. */
  ask(request: AskRequest, options?: JennyAskOptions): Promise<JennyAnswer>;
}

/** The day a nightly load covers through: the day before it finished (UTC). Undefined when it never succeeded. */
function dayOfLoad(freshness: Freshness | undefined): string | undefined {
  if (!freshness?.updatedAt || (freshness.status !== undefined && freshness.status !== 'success')) return undefined;
  const time = Date.parse(freshness.updatedAt);
  return Number.isNaN(time) ? undefined : addDays(new Date(time).toISOString().slice(0, 10), -1);
}

/** The parts of two interpretations that make them the same question. */
function sameQuestion(a: Interpretation, b: Interpretation): boolean {
  if (a.kind !== 'query' || b.kind !== 'query') return false;
  const key = (i: typeof a) => JSON.stringify([i.space, i.query, i.compare ?? null, i.analysis ?? null]);
  return key(a) === key(b as typeof a);
}

/**
 * Jenny without a server: reads a question with the offline interpreter (built once, with each dimension's values
 * loaded once on the first question) and answers it with `answerQuestion` from rows `source` returns.
 *
 * @example
 * ```ts
 * const jenny = createJennyEngine({ source: client, today: 'data' });
 * const answer = await jenny.ask({ space: 'sales', question: 'Top 5 brands by revenue last 30 days' });
 * ```
 */
export function createJennyEngine(options: JennyEngineOptions): JennyEngine {
  const { source } = options;
  const today = options.today ?? 'calendar';
  if (today !== 'calendar' && today !== 'data' && !isIsoDay(today)) {
    throw new RangeError(`today must be 'calendar', 'data' or an ISO day (YYYY-MM-DD), not ${JSON.stringify(today)}`);
  }
  const spaces: readonly SemanticSpace[] = options.spaces ?? [...source.spaces.values()];
  const interpreters = new Map<string, QuestionInterpreter>();
  let values: Promise<DimensionValues | undefined> | undefined;

  /** Through `source`, as the space's role: what `loadDimensionValues` asks with. */
  const client: Pick<DataClient, 'query'> = {
    query: (request, callOptions) =>
      request.kind === 'semantic'
        ? source.query(request, { signal: callOptions?.signal })
        : Promise.reject(new SemanticError('Jenny reads dimension values through semantic queries only')),
  };

  /** The values, loaded once for every question (an aborted question does not stop the load; a failed one is retried next time). */
  function loadValues(signal: AbortSignal | undefined): Promise<DimensionValues | undefined> {
    if (options.values === false) return Promise.resolve(undefined);
    if (options.values) return Promise.resolve(options.values);
    if (!values) {
      const loading = loadDimensionValues(client, spaces).catch(() => {
        // Questions are still read without values ("in NCR" then asks back): the next question tries again.
        if (values === loading) values = undefined;
        return undefined;
      });
      values = loading;
    }
    return raceAbort(values, signal);
  }

  async function interpreterFor(day: string, signal: AbortSignal | undefined): Promise<QuestionInterpreter> {
    if (options.interpreter) return options.interpreter;
    const known = interpreters.get(day);
    if (known) return known;
    const loaded = await loadValues(signal);
    const interpreter =
      interpreters.get(day) ??
      createQuestionInterpreter({
        spaces,
        ...(loaded ? { values: loaded } : {}),
        today: day,
        ...(options.locale ? { locale: options.locale } : {}),
      });
    interpreters.set(day, interpreter);
    return interpreter;
  }

  /** The day to count from, and the space's freshness when it was read to find it. */
  async function dayFor(space: SpaceDefinition | undefined, signal: AbortSignal | undefined) {
    if (today === 'calendar') return { day: calendarDay() };
    if (today !== 'data') return { day: today };
    if (!space?.freshness || !source.freshness) return { day: calendarDay() };
    let freshness: Freshness | undefined;
    try {
      freshness = await source.freshness(space.freshness, { signal });
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) throw error;
      freshness = undefined;
    }
    return { day: dayOfLoad(freshness) ?? calendarDay(), ...(freshness ? { freshness } : {}) };
  }

  return {
    async ask(request, askOptions = {}) {
      const { signal, onPart, onText } = askOptions;
      if (signal?.aborted) throw abortedError(signal.reason);
      const space = source.spaces.get(request.space);
      const { day, freshness } = await dayFor(space, signal);
      const interpreter = await interpreterFor(day, signal);
      if (signal?.aborted) throw abortedError(signal.reason);
      // A reading given (edited in the Explain dialog) is answered as given; otherwise the question is read, with
      // the conversation so far for follow-ups ("and by region?").
      const interpretation: Interpretation = request.reading
        ? checkReading(request.reading, source.spaces)
        : interpreter.interpret(request.question, {
            space: request.space,
            history: request.history,
          } as InterpretOptions);
      return answerQuestion(source, interpretation, {
        signal,
        locale: options.locale,
        asOf: day,
        ...(options.words ? { words: options.words } : {}),
        ...(options.chartMessages ? { chartMessages: options.chartMessages } : {}),
        ...(freshness ? { freshness } : {}),
        onPart: (chunk) => {
          onPart?.(chunk);
          if (chunk.type === 'text-delta' && chunk.id === SUMMARY_ID) onText?.(chunk.delta);
        },
        answerable: (question) => {
          const reading = interpreter.interpret(question, { space: request.space });
          return reading.kind === 'query' && !sameQuestion(reading, interpretation);
        },
      });
    },
  };
}

/**
 * An answer source from a transport that runs SQL: each semantic request is compiled with `compileQuery` for its
 * space and run as the space's role, and its columns' metadata merged with the semantic layer's (as the data client
 * does). `freshness` is the transport's own, when it has one.
 */
export function transportSource(
  transport: Transport,
  spaces: readonly SpaceDefinition[] | ReadonlyMap<string, SpaceDefinition>,
): AnswerSource {
  const byName: ReadonlyMap<string, SpaceDefinition> = isList(spaces)
    ? new Map(spaces.map((space) => [space.name, space]))
    : spaces;
  const freshness = transport.freshness?.bind(transport);
  const source: AnswerSource = {
    spaces: byName,
    async query(request, { signal }) {
      const space = byName.get(request.space);
      if (!space) {
        const known = [...byName.keys()];
        throw new SemanticError(
          `Unknown space "${request.space}". Known spaces: ${known.length ? known.join(', ') : 'none'}`,
          { available: known },
        );
      }
      const compiled = compileQuery(space, request.query);
      const result = await transport.query(
        { sql: compiled.sql, params: compiled.params, role: space.role, request },
        { signal: signal ?? new AbortController().signal },
      );
      return { ...result, meta: mergeMeta(result.meta, compiled.meta) };
    },
  };
  if (freshness) {
    source.freshness = (name, { signal }) => freshness(name, { signal: signal ?? new AbortController().signal });
  }
  return source;
}

function isList(
  spaces: readonly SpaceDefinition[] | ReadonlyMap<string, SpaceDefinition>,
): spaces is readonly SpaceDefinition[] {
  return Array.isArray(spaces);
}
