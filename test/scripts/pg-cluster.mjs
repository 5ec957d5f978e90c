/**
 * A throwaway PostgreSQL cluster on Debian's binaries, for the parity script (postgres.mjs) and the unit tests that
 * run against a real server (test/setup/postgres.global.ts).
 *
 *   const bin = findBin();                  // undefined without PostgreSQL (Debian: apt-get install postgresql)
 *   const dir = mkdtempSync(join(tmpdir(), 'insightpulse-postgres-'));
 *   const server = await startServer(bin, dir);   // { port, stop, log }: 127.0.0.1, trust auth, user postgres
 *   ...
 *   server.stop();
 *
 * initdb refuses to run as root: as root, every binary runs as `postgres` (or `nobody`) through runuser, and the
 * directory is handed to that user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The newest /usr/lib/postgresql/<version>/bin with initdb and pg_ctl, or PG_BIN. */
export function findBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
      candidates.push(join(root, version, 'bin'));
    }
  }
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Runs a PostgreSQL binary, as `postgres` (or `nobody`) when this process is root: initdb refuses root. */
export function makeRunner() {
  if (process.getuid?.() !== 0) return { run: (cmd, args) => execFileSync(cmd, args, { stdio: 'pipe' }), owner: null };
  const user = ['postgres', 'nobody'].find((name) => spawnSync('id', ['-u', name]).status === 0);
  if (!user) throw new Error('Running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
  const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  return {
    run: (cmd, args) => execFileSync('runuser', ['-u', user, '--', cmd, ...args], { stdio: 'pipe' }),
    owner: { user, uid, gid },
  };
}

/**
 * Creates a cluster in `dir/data` (superuser `postgres`, trust authentication, UTF8, C locale, no fsync) and
 * starts it on 127.0.0.1 on a free port, its socket and log (`dir/server.log`) in `dir`. `settings` are extra
 * `-c name=value` server settings. Returns `{ port, stop, log }`; `stop()` stops it at once (immediate mode) and
 * never throws.
 */
export async function startServer(bin, dir, settings = []) {
  const { run, owner } = makeRunner();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = [
    '-c listen_addresses=127.0.0.1',
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c timezone=UTC',
    // one process per query, so floating-point sums add up in one order, like PGlite's
    '-c max_parallel_workers_per_gather=0',
    ...settings.map((setting) => `-c ${setting}`),
  ].join(' ');
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already stopped
    }
  };
  return { port, stop, log: join(dir, 'server.log') };
}
