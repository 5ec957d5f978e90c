import { DataClientError } from '../client/errors';

/** An unknown space, metric or dimension, or a query the semantic layer cannot compile. */
export class SemanticError extends DataClientError {
  override readonly name = 'SemanticError';
  /** What exists, where the error is about a name that does not. */
  readonly available?: readonly string[];

  constructor(message: string, options: { available?: readonly string[] } = {}) {
    super('semantic', message);
    this.available = options.available;
  }
}
