/**
 * `npm run eval:jenny`: Jenny's interpreter over the question set, on the demo warehouse's dimension values.
 * Prints precision, coverage, refusals and examples against their floors, then every failure; exits 1 when a
 * floor is not met. Then the same for the held-out questions (test/jenny/holdout.ts), reported only, and how long
 * a question takes to read (a follow-up with its history). A question with `history` is asked after it.
 */
import { createDataClient } from '../../src/core/client/client';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import { createQuestionInterpreter } from '../../src/core/jenny/interpret';
import { loadDimensionValues } from '../../src/core/jenny/values';
import { demoSpaces } from '../../src/core/semantic/spaces';
import { createDemoWarehouse } from '../../src/core/warehouse';
import { ask, evaluate, FLOORS, formatReport } from './eval';
import { HOLDOUT_QUESTIONS } from './holdout';
import { EVAL_QUESTIONS, EVAL_TODAY } from './questions';

const warehouse = await createDemoWarehouse();
// The client's cache keeps a timer for its results: disposed at the end, so the process exits when it is done.
const client = createDataClient({ transport: pgliteTransport({ db: warehouse.db, log: false }), spaces: demoSpaces });
try {
  const values = await loadDimensionValues(client, demoSpaces);
  const interpreter = createQuestionInterpreter({ spaces: demoSpaces, values, today: EVAL_TODAY });
  const report = evaluate(interpreter, EVAL_QUESTIONS, demoSpaces);
  console.log(formatReport(report));
  // The held-out questions were written apart from the interpreter and never used to tune it: how it reads
  // language it has not seen. Reported, not held to the floors.
  console.log(`\nHeld out: ${formatReport(evaluate(interpreter, HOLDOUT_QUESTIONS, demoSpaces))}`);
  // A measure, not a floor: each question (after its history) read 20 times, the median and slowest of the means.
  const times = [...EVAL_QUESTIONS, ...HOLDOUT_QUESTIONS]
    .map((question) => {
      const start = performance.now();
      for (let i = 0; i < 20; i++) ask(interpreter, question);
      return (performance.now() - start) / 20;
    })
    .sort((a, b) => a - b);
  const ms = (n: number | undefined) => `${(n ?? 0).toFixed(3)} ms`;
  console.log(`\nReading time: median ${ms(times[Math.floor(times.length / 2)])}, slowest ${ms(times.at(-1))}`);
  const met =
    report.precision >= FLOORS.precision &&
    report.coverage >= FLOORS.coverage &&
    report.refusals >= FLOORS.refusals &&
    report.examplesRate >= FLOORS.examples;
  process.exitCode = met ? 0 : 1;
} finally {
  client.dispose();
  await warehouse.close();
}
