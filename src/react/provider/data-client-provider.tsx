import { createContext, type ReactNode, useContext } from 'react';
import type { DataClient } from '../../core/client';
import { InsightPulseError } from '../../core/errors';

const DataClientContext = createContext<DataClient | null>(null);
DataClientContext.displayName = 'InsightPulseDataClientContext';

export interface DataClientProviderProps {
  /** The client every `useQuery`, `useSemanticQuery` and `useDataClient` below uses (from `createDataClient`). */
  client: DataClient;
  children?: ReactNode;
}

/**
 * Makes a data client available to the hooks below it. It renders no element. Create the client once (outside
 * the component, or in state), not on every render: its cache lives in it.
 */
export function DataClientProvider({ client, children }: DataClientProviderProps) {
  return <DataClientContext.Provider value={client}>{children}</DataClientContext.Provider>;
}

/** Thrown by the data hooks outside a `<DataClientProvider>` when no client is passed to them. */
export class DataClientProviderMissingError extends InsightPulseError<'missing-provider'> {
  override readonly name = 'DataClientProviderMissingError';
  constructor(hook: string) {
    super('missing-provider', `${hook} must be used inside <DataClientProvider> or be given a client`);
  }
}

export interface UseDataClientOptions {
  /** The client to return instead of the nearest `<DataClientProvider>`'s. Default the provider's. */
  client?: DataClient;
}

/**
 * The data client: `options.client` when given, otherwise the nearest `<DataClientProvider>`'s. Throws a
 * `DataClientProviderMissingError` when there is neither.
 */
export function useDataClient(options: UseDataClientOptions = {}): DataClient {
  const provided = useContext(DataClientContext);
  const found = options.client ?? provided;
  if (!found) throw new DataClientProviderMissingError('useDataClient');
  return found;
}
