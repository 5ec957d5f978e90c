/**
 * `npm run eval:jenny`: Jenny's interpreter over the question set, on the demo warehouse's dimension values.
 * Prints precision, coverage, refusals and examples against their floors, then every failure; exits 1 when a
 * floor is not met. Then the same for the held-out questions (test/jenny/holdout.ts), reported only.
 */
import { createDataClient } from '../../src/core/client/client';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import { createQuestionInterpreter } from '../../src/core/jenny/interpret';
import { loadDimensionValues } from '../../src/core/jenny/values';
import { demoSpaces } from '../../src/core/semantic/spaces';
import { createDemoWarehouse } from '../../src/core/warehouse';
import { evaluate, FLOORS, formatReport } from './eval';
import { HOLDOUT_QUESTIONS } from './holdout';
import { EVAL_QUESTIONS, EVAL_TODAY } from './questions';

const warehouse = await createDemoWarehouse();
try {
  const client = createDataClient({ transport: pgliteTransport({ db: warehouse.db, log: false }), spaces: demoSpaces });
  const values = await loadDimensionValues(client, demoSpaces);
  const interpreter = createQuestionInterpreter({ spaces: demoSpaces, values, today: EVAL_TODAY });
  const report = evaluate(interpreter, EVAL_QUESTIONS, demoSpaces);
  console.log(formatReport(report));
  // The held-out questions were written apart from the interpreter and never used to tune it: how it reads
  // language it has not seen. Reported, not held to the floors.
  console.log(`\nHeld out: ${formatReport(evaluate(interpreter, HOLDOUT_QUESTIONS, demoSpaces))}`);
  const met =
    report.precision >= FLOORS.precision &&
    report.coverage >= FLOORS.coverage &&
    report.refusals >= FLOORS.refusals &&
    report.examplesRate >= FLOORS.examples;
  process.exitCode = met ? 0 : 1;
} finally {
  await warehouse.close();
}
