import { InsightPulseError } from '../errors';

export { preview } from '../util/preview';
/** Why the adapter refused a result set or a spec. */
export type AdapterErrorCode =
  | 'invalid-input'
  | 'empty'
  | 'unknown-column'
  | 'duplicate-column'
  | 'ragged-columns'
  | 'type-mismatch'
  | 'invalid-date'
  | 'invalid-value'
  | 'no-measure'
  | 'invalid-spec';

/**
 * The one error the adapter throws. `column` and `row` (0-based) say where, when the problem has a place;
 * the message names the column and the problem, and is safe to show to the person who asked.
 */
export class AdapterError extends InsightPulseError<AdapterErrorCode> {
  override readonly name = 'AdapterError';
  readonly column: string | undefined;
  readonly row: number | undefined;

  constructor(code: AdapterErrorCode, message: string, where: { column?: string; row?: number } = {}) {
    super(code, message);
    this.column = where.column;
    this.row = where.row;
  }
}
