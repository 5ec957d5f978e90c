import type { Decorator } from '@storybook/react-vite';
import { createDataClient, type DataClient } from '../../src/core/client';
import { pgliteTransport } from '../../src/core/client/transports/pglite';
import { demoSpaces } from '../../src/core/semantic';
import { createDemoWarehouse, type DemoWarehouse } from '../../src/core/warehouse';
import { DataClientProvider } from '../../src/react/provider';

export interface DemoData {
  client: DataClient;
  warehouse: DemoWarehouse;
}

let demo: Promise<DemoData> | undefined;

/** The snapshot Storybook serves (see .storybook/warehouse-snapshot.ts), or nothing: then it is seeded here. */
async function snapshot(): Promise<Blob | undefined> {
  try {
    const response = await fetch('./warehouse.tar.gz');
    return response.ok ? await response.blob() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One embedded warehouse (PGlite, Postgres in WebAssembly) for every story on this page, with a data
 * client over it that knows the demo spaces. Queries run as the spaces' read-only role.
 */
export function demoData(): Promise<DemoData> {
  demo ??= (async () => {
    const warehouse = await createDemoWarehouse({ snapshot: await snapshot() });
    const client = createDataClient({ transport: pgliteTransport({ db: warehouse.db }), spaces: demoSpaces });
    return { client, warehouse };
  })();
  return demo;
}

/** How the page's warehouse started, for a status line. */
export function describeWarehouse({ salesRows, source, startupMs }: DemoWarehouse): string {
  const how = source === 'snapshot' ? 'from a snapshot' : source === 'seed' ? 'seeded in the browser' : 'reopened';
  return `Embedded PostgreSQL (PGlite): ${salesRows.toLocaleString('en-US')} sales rows, started ${how} in ${(startupMs / 1000).toFixed(1)} s.`;
}

/** Loads the warehouse before the story renders (stories wait for loaders). */
export const withDemoClient = {
  loaders: [async () => await demoData()],
  decorators: [
    ((Story, context) => (
      <DataClientProvider client={context.loaded.client as DataClient}>
        <Story />
      </DataClientProvider>
    )) satisfies Decorator,
  ],
};
