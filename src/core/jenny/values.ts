import type { DataClient } from '../client/client';
import type { SemanticSpace } from '../semantic/define';
import type { DimensionValues } from './types';

export interface LoadDimensionValuesOptions {
  /** At most this many values per dimension, the largest by the space's first metric first. Default 200. */
  limit?: number;
  signal?: AbortSignal;
}

/**
 * Each text dimension's distinct values, by space and dimension: what lets the interpreter read "in NCR" or "on
 * TikTok" as a filter. One semantic query per dimension (the space's first metric by the dimension, largest
 * first, capped at `limit`), all through the client, so they run as the space's read-only role.
 */
export async function loadDimensionValues(
  client: Pick<DataClient, 'query'>,
  spaces: readonly SemanticSpace[],
  options: LoadDimensionValuesOptions = {},
): Promise<DimensionValues> {
  const limit = Math.max(1, Math.floor(options.limit ?? 200));
  const values: Record<string, Record<string, string[]>> = {};
  await Promise.all(
    spaces.flatMap((space) => {
      const metric = space.metrics[0];
      if (!metric) return [];
      values[space.name] = {};
      return space.dimensions
        .filter((dimension) => (dimension.type ?? 'string') === 'string')
        .map(async (dimension) => {
          const result = await client.query(
            {
              kind: 'semantic',
              space: space.name,
              query: {
                metrics: [metric.name],
                dimensions: [dimension.name],
                sort: [{ by: metric.name, direction: 'desc' }],
                limit,
              },
            },
            { signal: options.signal },
          );
          const seen = new Set<string>();
          for (const row of result.rows) {
            const value = row[dimension.name];
            if (typeof value === 'string' && value.trim() !== '') seen.add(value);
          }
          (values[space.name] as Record<string, string[]>)[dimension.name] = [...seen];
        });
    }),
  );
  return values;
}
