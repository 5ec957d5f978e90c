import rison from 'rison';
import { InsightPulseError } from '../errors';

/** A value a native filter can hold: the members of a select filter. */
export type SupersetFilterValue = string | number | boolean | null;

/** One native filter of the dashboard, set to the given members of `column`. */
export interface SupersetNativeFilter {
  /** The dataset column the filter targets, e.g. `'region'`. */
  column: string;
  /** The members selected; an empty array clears the filter. */
  value: readonly SupersetFilterValue[];
}

/**
 * What a dashboard shows, set when it is embedded:
 * - `native`: native filter values by filter id (`NATIVE_FILTER-…`, as in the dashboard's filter config), sent
 *   as Superset's `native_filters` URL parameter (a data mask in rison);
 * - `urlParams`: URL parameters, which the dashboard's SQL reads with `{{ url_param('name') }}`.
 */
export interface SupersetEmbedFilters {
  native?: Readonly<Record<string, SupersetNativeFilter>>;
  urlParams?: Readonly<Record<string, string | number | boolean>>;
}

/** Thrown for filters that could not reach a dashboard intact (a bad id, column or value). */
export class SupersetFilterError extends InsightPulseError<'invalid-filter'> {
  override readonly name = 'SupersetFilterError';
  /** Where in the `filters` prop the bad input is, e.g. `native["NATIVE_FILTER-x"].value[2]`. */
  readonly path: string;
  constructor(path: string, message: string) {
    super('invalid-filter', `filters.${path}: ${message}`);
    this.path = path;
  }
}

/** URL parameter names the SDK itself sets; a filter must not override them. */
const RESERVED_PARAMS = new Set(['uiConfig', 'show_filters', 'expand_filters', 'native_filters', 'native_filters_key']);

const isMember = (value: unknown): value is SupersetFilterValue =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/** A Superset data mask entry for one native select filter: the query filter and the filter's UI state. */
function dataMaskEntry(id: string, filter: SupersetNativeFilter) {
  const value = [...filter.value];
  return {
    id,
    extraFormData: value.length > 0 ? { filters: [{ col: filter.column, op: 'IN', val: value }] } : {},
    filterState: { value: value.length > 0 ? value : null },
    ownState: {},
  };
}

/**
 * The URL parameters that carry `filters` to the embedded dashboard (the SDK's `dashboardUiConfig.urlParams`).
 * Checks every id, column and value and throws a `SupersetFilterError` naming the first bad one, so that a
 * filter is never dropped or sent half-formed.
 */
export function filtersToUrlParams(filters: SupersetEmbedFilters | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  if (!filters) return params;
  for (const [name, value] of Object.entries(filters.urlParams ?? {})) {
    const path = `urlParams[${JSON.stringify(name)}]`;
    if (name === '' || RESERVED_PARAMS.has(name)) {
      throw new SupersetFilterError(path, 'this parameter name is empty or is one the embedded SDK sets itself.');
    }
    if (!isMember(value) || value === null) {
      throw new SupersetFilterError(path, 'must be a string, a finite number or a boolean.');
    }
    params[name] = String(value);
  }
  if (Object.keys(filters.native ?? {}).length > 0) params.native_filters = rison.encode(filtersToDataMask(filters));
  return params;
}

/** One native filter's entry in a Superset data mask. */
export type SupersetDataMaskEntry = ReturnType<typeof dataMaskEntry>;

/**
 * The native filters as a Superset data mask (filter id -> the query filter and the filter's UI state), as the
 * `native_filters` URL parameter carries it. Throws a `SupersetFilterError` naming the first bad id, column or
 * member.
 */
export function filtersToDataMask(filters: SupersetEmbedFilters | undefined): Record<string, SupersetDataMaskEntry> {
  const mask: Record<string, SupersetDataMaskEntry> = {};
  for (const [id, filter] of Object.entries(filters?.native ?? {})) {
    const path = `native[${JSON.stringify(id)}]`;
    if (id.trim() === '') throw new SupersetFilterError(path, 'a native filter needs its id.');
    if (typeof filter?.column !== 'string' || filter.column.trim() === '') {
      throw new SupersetFilterError(`${path}.column`, 'must name the dataset column the filter targets.');
    }
    if (!Array.isArray(filter.value)) throw new SupersetFilterError(`${path}.value`, 'must be an array of members.');
    filter.value.forEach((member, index) => {
      if (!isMember(member)) {
        throw new SupersetFilterError(
          `${path}.value[${index}]`,
          'must be a string, a finite number, a boolean or null.',
        );
      }
    });
    mask[id] = dataMaskEntry(id, filter);
  }
  return mask;
}
