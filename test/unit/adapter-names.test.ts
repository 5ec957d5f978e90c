// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type ChartSpec, toEChartsOption, toTable } from '../../src/core/adapter';
import { guardName, guardNames, unguardName } from '../../src/core/adapter/names';

const NAMES = ['hasOwnProperty', 'constructor', 'toString', '__defineGetter__', '__proto__', 'valueOf'];

/** Every string in an option, at any depth (functions such as formatters are skipped). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) strings(child, out);
  return out;
}

describe('names that are Object.prototype keys, in the adapter', () => {
  const rows = NAMES.flatMap((x, i) => NAMES.map((s, j) => ({ x, s, v: i * 10 + j + 1 })));
  const specs: ChartSpec[] = [
    { kind: 'bar', encoding: { x: 'x', y: 'v', series: 's' } },
    { kind: 'line', encoding: { x: 'x', y: 'v', series: 's' } },
    { kind: 'pie', encoding: { x: 'x', y: 'v' } },
    { kind: 'funnel', encoding: { x: 'x', y: 'v' } },
    { kind: 'heatmap', encoding: { x: 'x', y: 's', color: 'v' } },
    { kind: 'scatter', encoding: { x: 'v', y: 'v', series: 's' } },
  ];

  it.each(specs)('a $kind chart names them with the invisible guard, never bare', (spec) => {
    const text = strings(toEChartsOption(rows, spec));
    for (const name of NAMES) expect(text).not.toContain(name);
    expect(text).toContain(`\u2060${spec.kind === 'scatter' ? NAMES[0] : NAMES[1]}`);
  });

  it('leaves the table it charts unchanged', () => {
    const table = toTable(rows);
    const before = JSON.stringify(table);
    toEChartsOption(table, specs[0] as ChartSpec);
    expect(JSON.stringify(table)).toBe(before);
  });
});

describe('guardName', () => {
  it('guards exactly the Object.prototype keys, and unguardName gives the name back', () => {
    for (const name of NAMES) {
      expect(guardName(name)).toBe(`\u2060${name}`);
      expect(unguardName(guardName(name))).toBe(name);
    }
    for (const name of ['Constructor', 'toString ', 'prev', '', '\u2060a']) {
      expect(guardName(name)).toBe(name);
      expect(unguardName(name)).toBe(name);
    }
  });

  it('guardNames copies only what it changes', () => {
    const untouched = { data: [1, 'a', { name: 'b' }] };
    const input = { series: [{ name: 'toString' }], other: untouched };
    const output = guardNames(input);
    expect(output).toEqual({ series: [{ name: '\u2060toString' }], other: untouched });
    expect(output.other).toBe(untouched);
    expect(input.series[0]?.name).toBe('toString');
    expect(guardNames(untouched)).toBe(untouched);
  });
});
