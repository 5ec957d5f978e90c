import { ShapeReader } from '../client/transports/shape';
import type { JennyAnswer } from '../client/types';

/*
 * Jenny's answer in the shapes it arrives in, read into one `JennyAnswer`: the platform's JSON answer (what
 * `/api/jenny/query` returns and `httpTransport` reads), and the two result shapes of the seed's JennyPanel page
 * (the raw API answer, and the mapped `{ title, description, chartOption, tableData, sql, explanation }`). One
 * reader, so the transport and the panel check the same things with the same `ResponseShapeError`s.
 */

/** A JSON answer at `prefix` (`''` for the body); `streamed` stands in for a missing summary. */
export function parseAnswerJson(value: unknown, prefix: string, shape: ShapeReader, streamed?: string): JennyAnswer {
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const body = shape.record(value, prefix || '$');
  const summary =
    streamed !== undefined && (body.summary === undefined || body.summary === null)
      ? streamed
      : shape.string(body.summary, at('summary'));
  return {
    title: shape.string(body.title, at('title')),
    summary,
    echartsOption: shape.optionalRecord(body.echarts_option, at('echarts_option')),
    rows: shape.rows(body.rows, at('rows')),
    meta: shape.meta(body.meta, at('meta')),
    generatedSql: shape.optionalString(body.generated_sql, at('generated_sql')),
    reasoning: shape.optionalString(body.reasoning, at('reasoning')),
    ...jennyExtras(body, at, shape),
  };
}

const ANSWER_KINDS = new Set(['answer', 'clarify', 'unsupported']);

/**
 * What Jenny's own server adds to the seed's answer: each field optional, each checked when present. `names` is how
 * they are spelt: the JSON's snake_case (`as_of`, `updated_at`) or the answer's own camelCase.
 */
function jennyExtras(
  body: Record<string, unknown>,
  at: (key: string) => string,
  shape: ShapeReader,
  names: 'json' | 'own' = 'json',
): Partial<JennyAnswer> {
  const json = names === 'json';
  const extras: Partial<JennyAnswer> = {};
  if (body.kind !== undefined && body.kind !== null) {
    if (!ANSWER_KINDS.has(body.kind as string))
      shape.fail(at('kind'), 'one of answer, clarify, unsupported', body.kind);
    extras.kind = body.kind as JennyAnswer['kind'];
  }
  if (body.suggestions !== undefined && body.suggestions !== null) {
    if (!Array.isArray(body.suggestions) || !body.suggestions.every((item) => typeof item === 'string')) {
      shape.fail(at('suggestions'), 'an array of strings', body.suggestions);
    }
    extras.suggestions = body.suggestions as string[];
  }
  const interpretation = shape.optionalRecord(body.interpretation, at('interpretation'));
  if (interpretation) {
    const kind = shape.string(interpretation.kind, at('interpretation.kind'));
    if (kind === 'query') {
      // The Explain dialog reads a query reading's space and query: both must be there.
      shape.string(interpretation.space, at('interpretation.space'));
      const query = shape.record(interpretation.query, at('interpretation.query'));
      if (!Array.isArray(query.metrics) || !query.metrics.every((metric) => typeof metric === 'string')) {
        shape.fail(at('interpretation.query.metrics'), 'an array of strings', query.metrics);
      }
    }
    extras.interpretation = interpretation as unknown as JennyAnswer['interpretation'];
  }
  if (body.statements !== undefined && body.statements !== null) {
    if (!Array.isArray(body.statements)) shape.fail(at('statements'), 'an array', body.statements);
    extras.statements = body.statements as JennyAnswer['statements'];
  }
  const asOfKey = json ? 'as_of' : 'asOf';
  const asOf = shape.optionalString(body[asOfKey], at(asOfKey));
  if (asOf !== undefined) extras.asOf = asOf;
  const freshness = shape.optionalRecord(body.freshness, at('freshness'));
  if (freshness) {
    const [updatedKey, rowsKey] = json ? ['updated_at', 'rows_written'] : ['updatedAt', 'rowsWritten'];
    const updatedAt = shape.optionalString(freshness[updatedKey], at(`freshness.${updatedKey}`));
    const status = shape.optionalString(freshness.status, at('freshness.status'));
    const rowsWritten = shape.optionalNumber(freshness[rowsKey], at(`freshness.${rowsKey}`), {
      integer: true,
      min: 0,
    });
    extras.freshness = {
      source: shape.string(freshness.source, at('freshness.source')),
      ...(updatedAt !== undefined ? { updatedAt } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(rowsWritten !== undefined ? { rowsWritten } : {}),
    };
  }
  const truncated = shape.optionalBoolean(body.truncated, at('truncated'));
  if (truncated !== undefined) extras.truncated = truncated;
  return extras;
}

/** A message as the app keeps it (the seed's `JennyMessage`), for a controlled JennyPanel. */
export interface JennyPanelMessage {
  id: string;
  role: 'user' | 'assistant';
  /** The question, or the answer's text. */
  content: string;
  /** An assistant message's title. */
  summary?: string;
  /** When it was written: any text (the seed writes `toLocaleTimeString()`), a `Date` or an ISO moment. */
  createdAt?: string | Date;
  /** An assistant message's state. Default `'complete'`. */
  status?: 'pending' | 'streaming' | 'complete' | 'error' | 'stopped';
}

/** The seed's mapped result (its "Pattern 2"). */
export interface JennyMappedResult {
  title: string;
  description?: string | null;
  chartOption?: Record<string, unknown> | null;
  tableData?: Record<string, unknown>[] | null;
  sql?: string | null;
  explanation?: string | null;
}

/** The platform's JSON answer, as `/api/jenny/query` returns it (the seed's page example sets it as the result). */
export interface JennyAnswerJson {
  title: string;
  summary: string;
  echarts_option?: Record<string, unknown> | null;
  rows: Record<string, unknown>[];
  generated_sql?: string | null;
  reasoning?: string | null;
  [extra: string]: unknown;
}

/** Any result a JennyPanel shows: Jenny's own answer, the API's JSON, or the seed's mapped result. */
export type JennyResult = JennyAnswer | JennyAnswerJson | JennyMappedResult;

const MAPPED_KEYS = ['description', 'chartOption', 'tableData', 'sql', 'explanation'];
/** Keys only the API's JSON has (the answer's own names are camelCase). */
const JSON_KEYS = ['echarts_option', 'generated_sql', 'as_of'];

/**
 * A result in any of its shapes (see `JennyResult`) as a `JennyAnswer`, checked field by field. The shape is
 * told by its keys: the mapped result's (`description`, `tableData`, …), the API JSON's snake_case ones
 * (`echarts_option`, `generated_sql`, `as_of`), else Jenny's own answer. `null` counts as absent.
 *
 * @throws {ResponseShapeError} naming the first field that does not fit (its `path`), for example `rows[2]`.
 */
export function toJennyAnswer(result: unknown, what = 'selectedResult'): JennyAnswer {
  const shape = new ShapeReader('jenny', what);
  const body = shape.record(result, '$');
  if (MAPPED_KEYS.some((key) => key in body)) {
    const rows = body.tableData === undefined || body.tableData === null ? [] : shape.rows(body.tableData, 'tableData');
    const echartsOption = shape.optionalRecord(body.chartOption, 'chartOption');
    const generatedSql = shape.optionalString(body.sql, 'sql');
    const reasoning = shape.optionalString(body.explanation, 'explanation');
    return {
      title: shape.optionalString(body.title, 'title') ?? '',
      summary: shape.optionalString(body.description, 'description') ?? '',
      rows,
      ...(echartsOption ? { echartsOption } : {}),
      ...(generatedSql !== undefined ? { generatedSql } : {}),
      ...(reasoning !== undefined ? { reasoning } : {}),
    };
  }
  if (JSON_KEYS.some((key) => key in body)) return parseAnswerJson(body, '', shape);
  // Jenny's own answer (from `useJenny`, `client.ask`): the same checks on its own names.
  const echartsOption = shape.optionalRecord(body.echartsOption, 'echartsOption');
  const generatedSql = shape.optionalString(body.generatedSql, 'generatedSql');
  const reasoning = shape.optionalString(body.reasoning, 'reasoning');
  const meta = shape.meta(body.meta, 'meta');
  const answered = ['title', 'summary', 'rows'].some((key) => body[key] !== undefined && body[key] !== null);
  if (!answered) {
    // An error body (`{ error: { code, message } }`, what a failed /api/jenny/query returns) is not an answer.
    shape.fail('$', 'an answer with a title, a summary or rows');
  }
  return {
    title: shape.optionalString(body.title, 'title') ?? '',
    summary: shape.optionalString(body.summary, 'summary') ?? '',
    rows: body.rows === undefined || body.rows === null ? [] : shape.rows(body.rows, 'rows'),
    ...(meta ? { meta } : {}),
    ...(echartsOption ? { echartsOption } : {}),
    ...(generatedSql !== undefined ? { generatedSql } : {}),
    ...(reasoning !== undefined ? { reasoning } : {}),
    ...jennyExtras(body, (key) => key, shape, 'own'),
  };
}
