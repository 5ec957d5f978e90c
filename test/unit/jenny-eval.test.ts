// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataClient } from '../../src/core/client/client';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import { createQuestionInterpreter, type QuestionInterpreter } from '../../src/core/jenny/interpret';
import type { DimensionValues } from '../../src/core/jenny/types';
import { loadDimensionValues } from '../../src/core/jenny/values';
import { demoSpaces } from '../../src/core/semantic/spaces';
import type { DemoWarehouse } from '../../src/core/warehouse';
import { evaluate, FLOORS, formatReport } from '../jenny/eval';
import { HOLDOUT_QUESTIONS } from '../jenny/holdout';
import { EVAL_QUESTIONS, EVAL_TODAY } from '../jenny/questions';
import { demoWarehouse } from '../setup/warehouse';

let warehouse: DemoWarehouse;
let values: DimensionValues;
let jenny: QuestionInterpreter;

beforeAll(async () => {
  warehouse = await demoWarehouse();
  const client = createDataClient({ transport: pgliteTransport({ db: warehouse.db, log: false }), spaces: demoSpaces });
  values = await loadDimensionValues(client, demoSpaces);
  jenny = createQuestionInterpreter({ spaces: demoSpaces, values, today: EVAL_TODAY });
});

afterAll(async () => {
  await warehouse?.close();
});

describe("Jenny's eval (npm run eval:jenny), on the embedded warehouse's values", () => {
  it('loads each text dimension of each space, as the space role reads it', () => {
    expect(values.sales?.region).toEqual(expect.arrayContaining(['NCR', 'North Luzon', 'Mindanao']));
    expect(values.creative?.channel).toEqual(expect.arrayContaining(['TikTok', 'Facebook']));
    expect(values.finance?.reimbursable).toBeUndefined(); // yes/no, not a list of names
  });

  it('holds the floors: precision, coverage, refusals and every example', () => {
    expect(EVAL_QUESTIONS.length).toBeGreaterThanOrEqual(150);
    const report = evaluate(jenny, EVAL_QUESTIONS, demoSpaces);
    const said = formatReport(report);
    expect(report.outOfScope / report.questions, said).toBeGreaterThanOrEqual(0.15);
    expect(report.precision, said).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(report.coverage, said).toBeGreaterThanOrEqual(FLOORS.coverage);
    expect(report.refusals, said).toBe(1);
    expect(report.examplesRate, said).toBe(1);
  });

  it('refuses every held-out question it must, and stays precise on them', () => {
    const report = evaluate(jenny, HOLDOUT_QUESTIONS, demoSpaces);
    const said = formatReport(report);
    expect(report.refusals, said).toBe(1);
    expect(report.precision, said).toBeGreaterThanOrEqual(FLOORS.precision);
  });

  it('fails the floors when the interpreter guesses (the check is not vacuous)', () => {
    const guesser: QuestionInterpreter = {
      interpret: () => ({
        kind: 'query',
        space: 'sales',
        query: { metrics: ['revenue'] },
        confidence: 1,
        explanation: [],
      }),
    };
    const report = evaluate(guesser, EVAL_QUESTIONS, demoSpaces);
    expect(report.precision).toBeLessThan(FLOORS.precision);
    expect(report.refusals).toBe(0);
  });
});
