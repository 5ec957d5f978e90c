import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

/*
 * README's example server, run as written: the code block is taken from README.md, saved in the repository (so
 * `@insightpulse/ui/...` resolves to the built package by its own name, as in an app) and started with node against
 * the test cluster, then asked over HTTP as README's curl does.
 */

const server = inject('postgres');
const skip = 'skip' in server ? server.skip : undefined;
const root = resolve(import.meta.dirname, '../..');
const built = existsSync(resolve(root, 'dist/core/server/index.js'));

function readmeServer(): string {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const block = /```js\n(\/\/ server\.mjs[\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("README.md has no ```js block starting with '// server.mjs'");
  return block;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

describe.skipIf(skip || !built)(`README's example server${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const file = resolve(root, `test/.readme-server-${process.pid}.mjs`);
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill();
    rmSync(file, { force: true });
  });

  it('serves Jenny from the warehouse on PostgreSQL, as README shows it', { timeout: 60_000 }, async () => {
    if ('skip' in server) return;
    writeFileSync(file, readmeServer());
    const port = await freePort();
    const url = `postgres://${server.user}@${server.host}:${server.port}/${server.database}`;
    child = spawn(process.execPath, [file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (data) => {
      output += String(data);
    });
    child.stderr?.on('data', (data) => {
      output += String(data);
    });
    const started = Date.now();
    while (!output.includes(`http://localhost:${port}`)) {
      if (child.exitCode !== null || Date.now() - started > 30_000)
        throw new Error(`the server did not start: ${output}`);
      await new Promise((done) => setTimeout(done, 50));
    }

    const response = await fetch(`http://127.0.0.1:${port}/api/jenny/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ space: 'sales', question: 'Top 5 brands by revenue last 30 days' }),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { title: string; rows: unknown[]; generated_sql: string; as_of: string };
    expect(answer.title).toMatch(/brands by revenue/i);
    expect(answer.rows).toHaveLength(5);
    expect(answer.generated_sql).toMatch(/limit \$\d+/i);
    expect(answer.as_of).toBe('2025-12-31');

    const stream = await fetch(`http://127.0.0.1:${port}/api/jenny/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ space: 'sales', question: 'Revenue by region last month' }),
    });
    expect(stream.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const text = await stream.text();
    expect(text).toContain('"type":"data-table"');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });
});
