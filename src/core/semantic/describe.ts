import type { FormatSpec } from '../format/types';
import { DEFAULT_LIMIT, FILTER_OPERATORS, MAX_LIMIT } from './compile';
import { grainsOf, PERIOD } from './define';
import type { SpaceDefinition } from './types';

function formatText(format: FormatSpec | undefined): string | undefined {
  if (!format) return undefined;
  if (format.kind === 'currency') return `currency ${format.currency}`;
  if (format.kind === 'compact' && format.currency) return `compact ${format.currency}`;
  return format.kind;
}

function parts(...items: (string | undefined | false)[]): string {
  return items.filter((item): item is string => typeof item === 'string' && item !== '').join(' — ');
}

/**
 * The space as plain text for a language model (or a person): its name and description, tables, metrics (name,
 * label, SQL, format, direction, description), dimensions, time dimension and grains, examples, and how to write a
 * query against it.
 */
export function describeSpace(space: SpaceDefinition): string {
  const lines: string[] = [];
  lines.push(`Space: ${space.name}${space.label ? ` (${space.label})` : ''}`);
  lines.push(space.description);
  lines.push(`Runs as the read-only role ${space.role}.`);

  lines.push('', 'Tables:');
  for (const table of space.tables) lines.push(`- ${parts(table.name, table.description)}`);

  lines.push('', 'Metrics (name — label — SQL — notes):');
  for (const metric of space.metrics) {
    const notes = [formatText(metric.format), metric.downIsGood ? 'lower is better' : undefined]
      .filter(Boolean)
      .join(', ');
    lines.push(`- ${parts(metric.name, metric.label, metric.sql, notes && `[${notes}]`, metric.description)}`);
  }

  lines.push('', 'Dimensions (name — label — type — notes):');
  if (space.dimensions.length === 0) lines.push('- (none)');
  for (const dimension of space.dimensions) {
    const column = dimension.column && dimension.column !== dimension.name ? `column ${dimension.column}` : undefined;
    lines.push(
      `- ${parts(dimension.name, dimension.label, dimension.type ?? 'string', column, dimension.description)}`,
    );
  }

  lines.push('');
  const time = space.timeDimension;
  if (time) {
    lines.push(`Time dimension: ${time.column}${time.label ? ` (${time.label})` : ''}, a date.`);
    lines.push(`Time grains: ${grainsOf(space).join(', ')}. A grain adds the output column "${PERIOD}".`);
  } else {
    lines.push('Time dimension: none (no time grains or date ranges).');
  }

  if (space.examples && space.examples.length > 0) {
    lines.push('', 'Example questions:');
    for (const example of space.examples) lines.push(`- ${example}`);
  }

  lines.push(
    '',
    'Query shape: { metrics: [names], dimensions?: [names], timeGrain?, filters?: [{ dimension, op, value }],',
    `  sort?: [{ by, direction: "asc" | "desc" }], limit? (1 to ${MAX_LIMIT}, default ${DEFAULT_LIMIT}),`,
    '  dateRange?: { from?: "YYYY-MM-DD", to?: "YYYY-MM-DD" } (inclusive) }.',
    `Filter operators: ${FILTER_OPERATORS.join(', ')} (in and not_in take an array; contains is a case-insensitive substring match on text).`,
    time
      ? `Filters name a dimension or the time column ${time.column}; sort names an output column (a metric, a dimension, or "${PERIOD}").`
      : 'Filters name a dimension; sort names an output column (a metric or a dimension).',
  );
  return lines.join('\n');
}
