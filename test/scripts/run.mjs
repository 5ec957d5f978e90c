#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, then one closing summary.
 *
 *   typecheck  tsc --noEmit
 *   lint       Biome (formatting, React hooks and a11y rules, framework-free boundaries of src/core and src/theme)
 *   build      the library as published (tsup + compiled CSS); generated theme files are checked, not rewritten
 *   vitest     the unit projects (`unit*`: .ts files in Node, .tsx files in jsdom, type tests through tsc), browser
 *              (Chromium) and storybook (every story in Chromium, with axe)
 *   postgres   the demo warehouse's SQL on Debian's PostgreSQL (127.0.0.1) gives what it gives on PGlite
 *   lint:pkg   publint --strict and attw --pack
 *
 * The closing line counts each Vitest test and each PostgreSQL parity check, plus each other step as one
 * check: `Summary: N passed, N failed`. Chromium comes from CHROME_PATH, else /usr/bin/chromium; PostgreSQL
 * from PG_BIN, else /usr/lib/postgresql/<version>/bin. When one is missing and this runs as root with
 * apt-get, Debian's package is installed; without PostgreSQL the parity step is skipped, and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = [];

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const result = { name, ok: status === 0, seconds: (Date.now() - started) / 1000 };
  results.push(result);
  return result;
}

const canInstall = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;

/** Installs a Debian package (as root, with apt-get), once per run. */
let updated = false;
function aptInstall(pkg) {
  console.log(`Installing Debian's ${pkg} with apt-get.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!updated) spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  updated = true;
  spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env });
}

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  if (canInstall) {
    aptInstall('chromium');
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(
    "No Chromium found. The browser and story tests need one: install Debian's chromium " +
      '(sudo apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}

const hasPostgres = () =>
  Boolean(process.env.PG_BIN) ||
  (existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)));

const chromium = findChromium();
console.log(`Chromium: ${chromium}`);
if (!hasPostgres() && canInstall) aptInstall('postgresql');

run('typecheck', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['biome', 'ci', '--colors=off', '.']);
run('build', 'npm', ['run', 'build:lib']);

const reportDir = mkdtempSync(join(tmpdir(), 'insightpulse-vitest-'));
const report = join(reportDir, 'report.json');
const vitest = run(
  'vitest',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  // The unit-postgres tests fail, rather than skip, without PostgreSQL (test/setup/postgres.global.ts).
  { CHROME_PATH: chromium, INSIGHTPULSE_REQUIRE_POSTGRES: '1' },
);
let tests = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  tests = {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
  };
  if (!vitest.ok && tests.failed === 0) tests.failed = 1; // a failed suite (an import error) counts too
} else {
  tests.failed = 1;
}
rmSync(reportDir, { recursive: true, force: true });

// The parity script prints its own `Summary: N passed, N failed`, or `skipped: …` without PostgreSQL.
const parity = { passed: 0, failed: 0, skipped: false };
{
  const started = Date.now();
  console.log('\n▶ postgres: node test/scripts/postgres.mjs');
  const { status, stdout } = spawnSync('node', ['test/scripts/postgres.mjs'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(stdout);
  const counted = stdout.match(/Summary: (\d+) passed, (\d+) failed/);
  parity.skipped = /^skipped:/m.test(stdout);
  parity.passed = counted ? Number(counted[1]) : 0;
  parity.failed = counted ? Number(counted[2]) : status === 0 ? 0 : 1;
  if (status !== 0 && parity.failed === 0) parity.failed = 1;
  results.push({ name: 'postgres', ok: status === 0, seconds: (Date.now() - started) / 1000 });
}

run('lint:pkg', 'npm', ['run', 'lint:pkg', '--silent']);

const counted = new Set(['vitest', 'postgres']);
const steps = results.filter((r) => !counted.has(r.name));
const passed = tests.passed + parity.passed + steps.filter((r) => r.ok).length;
const failed = tests.failed + parity.failed + steps.filter((r) => !r.ok).length;

console.log('\n── npm test ─────────────────────────────────────────');
for (const r of results) {
  const detail =
    r.name === 'vitest'
      ? ` (${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped)`
      : r.name === 'postgres'
        ? parity.skipped
          ? ' (skipped: no PostgreSQL)'
          : ` (${parity.passed} passed, ${parity.failed} failed)`
        : '';
  console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s${detail}`);
}
console.log(`Summary: ${passed} passed, ${failed} failed${tests.skipped ? `, ${tests.skipped} skipped` : ''}`);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
