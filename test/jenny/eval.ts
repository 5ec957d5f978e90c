/**
 * Jenny's evaluation: reads every question of the set with an interpreter and scores it. Precision is correct
 * queries among the questions it answered with a query; coverage is in-scope questions it answered (right or
 * wrong); refusals are out-of-scope questions it did not answer with a query; examples are the spaces' own example
 * questions answered correctly. A question with `history` is asked after those turns (a follow-up); a query is
 * correct when its space, query, target beside it (`compare`), `analysis` and `view` are the expected ones. Shared
 * by `npm run eval:jenny` and the test that holds the floors.
 */
import type { AskTurn } from '../../src/core/client/types';
import type { QuestionInterpreter } from '../../src/core/jenny/interpret';
import type { Interpretation } from '../../src/core/jenny/types';
import type { SemanticSpace } from '../../src/core/semantic/define';
import type { SemanticQuery } from '../../src/core/semantic/types';
import type { EvalQuestion } from './questions';

export const FLOORS = { precision: 0.97, coverage: 0.85, refusals: 1, examples: 1 } as const;

export interface EvalFailure {
  question: string;
  why: 'wrong query' | 'not answered' | 'answered out of scope';
  expected?: unknown;
  got: Interpretation;
}

export interface EvalReport {
  questions: number;
  inScope: number;
  answered: number;
  correct: number;
  outOfScope: number;
  refused: number;
  examples: number;
  examplesCorrect: number;
  precision: number;
  coverage: number;
  refusals: number;
  examplesRate: number;
  failures: EvalFailure[];
}

const sorted = <T>(values: readonly T[] | undefined) => [...(values ?? [])].map(String).sort();

/** A query in one form: metrics, dimensions and filter values as sets; `in` of one value is `eq`. */
function normal(query: SemanticQuery): string {
  const filters = (query.filters ?? [])
    .map((filter) => {
      const values = Array.isArray(filter.value) ? sorted(filter.value) : [String(filter.value)];
      const op =
        filter.op === 'in' && values.length === 1
          ? 'eq'
          : filter.op === 'not_in' && values.length === 1
            ? 'neq'
            : filter.op;
      return `${filter.dimension} ${op} ${values.join('|')}`;
    })
    .sort();
  return JSON.stringify({
    metrics: sorted(query.metrics),
    dimensions: sorted(query.dimensions),
    timeGrain: query.timeGrain ?? null,
    filters,
    sort: (query.sort ?? []).map((s) => `${s.by} ${s.direction ?? 'asc'}`),
    limit: query.limit ?? null,
    dateRange: query.dateRange ? `${query.dateRange.from ?? ''}..${query.dateRange.to ?? ''}` : null,
  });
}

export function sameQuery(a: SemanticQuery, b: SemanticQuery): boolean {
  return normal(a) === normal(b);
}

type Expected = Exclude<EvalQuestion['expect'], 'refuse'>;

/**
 * Whether a reading is the expected one: the space, the query (or one of `accept`), and what goes with it — the
 * target beside it (`compare`, its space and query), `analysis` and `view` — each present on both or neither.
 */
export function sameReading(got: Interpretation, expected: Expected): boolean {
  if (got.kind !== 'query' || got.space !== expected.space) return false;
  if (![expected.query, ...(expected.accept ?? [])].some((query) => sameQuery(query, got.query))) return false;
  const compared =
    got.compare === undefined || expected.compare === undefined
      ? got.compare === expected.compare
      : got.compare.space === expected.compare.space && sameQuery(got.compare.query, expected.compare.query);
  return compared && got.analysis === expected.analysis && got.view === expected.view;
}

/** The turns before a question, a string being a user turn. */
export function turnsOf(history: EvalQuestion['history']): AskTurn[] {
  return (history ?? []).map((turn) => (typeof turn === 'string' ? { role: 'user', content: turn } : turn));
}

/** The question asked of the interpreter, after its history when it has one. */
export function ask(interpreter: QuestionInterpreter, { question, history }: EvalQuestion): Interpretation {
  return history ? interpreter.interpret(question, { history: turnsOf(history) }) : interpreter.interpret(question);
}

/** How a question reads in a report: after its history, when it has one. */
const said = ({ question, history }: EvalQuestion) =>
  history?.length
    ? `${turnsOf(history)
        .map((turn) => (turn.role === 'user' ? turn.content : `[${turn.role}]`))
        .join(' → ')} → ${question}`
    : question;

export function evaluate(
  interpreter: QuestionInterpreter,
  questions: readonly EvalQuestion[],
  spaces: readonly SemanticSpace[],
): EvalReport {
  const examples = new Set(spaces.flatMap((space) => space.examples ?? []));
  const report: EvalReport = {
    questions: questions.length,
    inScope: 0,
    answered: 0,
    correct: 0,
    outOfScope: 0,
    refused: 0,
    examples: 0,
    examplesCorrect: 0,
    precision: 0,
    coverage: 0,
    refusals: 0,
    examplesRate: 0,
    failures: [],
  };
  for (const asked of questions) {
    const { expect } = asked;
    const question = said(asked);
    const got = ask(interpreter, asked);
    const isExample = !asked.history && examples.has(asked.question);
    if (isExample) report.examples++;
    if (expect === 'refuse') {
      report.outOfScope++;
      if (got.kind !== 'query') report.refused++;
      else report.failures.push({ question, why: 'answered out of scope', got });
      continue;
    }
    report.inScope++;
    if (got.kind !== 'query') {
      report.failures.push({ question, why: 'not answered', expected: expect, got });
      continue;
    }
    report.answered++;
    if (sameReading(got, expect)) {
      report.correct++;
      if (isExample) report.examplesCorrect++;
    } else {
      report.failures.push({ question, why: 'wrong query', expected: expect, got });
    }
  }
  const answeredAll = report.answered + (report.outOfScope - report.refused);
  report.precision = answeredAll === 0 ? 1 : report.correct / answeredAll;
  report.coverage = report.inScope === 0 ? 1 : report.answered / report.inScope;
  report.refusals = report.outOfScope === 0 ? 1 : report.refused / report.outOfScope;
  report.examplesRate = report.examples === 0 ? 1 : report.examplesCorrect / report.examples;
  return report;
}

const percent = (n: number) => `${(n * 100).toFixed(1)}%`;

/** The report as lines of text: the four rates against their floors, then each failure. */
export function formatReport(report: EvalReport, { failures = true } = {}): string {
  const lines = [
    `Jenny eval: ${report.questions} questions (${report.inScope} in scope, ${report.outOfScope} out of scope)`,
    `  precision  ${percent(report.precision)} (${report.correct} correct of ${report.answered + report.outOfScope - report.refused} answered; goal >= ${percent(FLOORS.precision)})`,
    `  coverage   ${percent(report.coverage)} (${report.answered} of ${report.inScope} in-scope answered; goal >= ${percent(FLOORS.coverage)})`,
    `  refusals   ${percent(report.refusals)} (${report.refused} of ${report.outOfScope} out-of-scope refused; goal ${percent(FLOORS.refusals)})`,
    `  examples   ${percent(report.examplesRate)} (${report.examplesCorrect} of ${report.examples}; goal ${percent(FLOORS.examples)})`,
  ];
  if (failures) {
    for (const failure of report.failures) {
      const { got: read } = failure;
      const got =
        read.kind === 'query'
          ? `${read.space} ${JSON.stringify(read.query)}${read.compare ? ` compare ${JSON.stringify(read.compare)}` : ''}${read.analysis ? ` analysis ${read.analysis}` : ''}${read.view ? ` view ${read.view}` : ''}`
          : `${read.kind}: ${read.message}`;
      lines.push(`  ✗ ${failure.why}: ${failure.question}`, `      got ${got}`);
      if (failure.expected) lines.push(`      expected ${JSON.stringify(failure.expected)}`);
    }
  }
  return lines.join('\n');
}
