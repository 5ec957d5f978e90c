// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { explainChart } from '../../src/core/adapter';
import { en, enChartReasons, fil, type Messages, mergeMessages } from '../../src/core/messages';
import { SAMPLE_CHART_ARGUMENTS, SAMPLE_REASONS } from '../fixtures/chart-reasons';

/** Every key path of a catalogue, with what kind of value sits there. */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'function') return [`${path}()`];
  if (typeof value === 'string') return [path];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => shape(inner, path ? `${path}.${key}` : key));
  }
  return [`${path}: ${typeof value}`];
}

describe('the message catalogues', () => {
  it('have the same keys, each a string or a function in both', () => {
    // `fil` is typed as the full `Messages`, so tsc fails on a missing key; this catches one at run time too.
    // English's chart-choice sentences live beside its catalogue (a card loads them on first use).
    expect(shape(fil).sort()).toEqual(shape({ ...en, chartReasons: enChartReasons }).sort());
    expect(shape(en).length).toBeGreaterThan(60);
    expect(Object.keys(enChartReasons).sort()).toEqual(Object.keys(SAMPLE_REASONS).sort());
  });

  it('fails the comparison when a key is missing (the check is not vacuous)', () => {
    const { total: _total, ...rest } = fil.dataTable;
    const broken = { ...fil, dataTable: rest } as unknown as Messages;
    expect(shape(broken).sort()).not.toEqual(shape(en).sort());
  });

  it('write every function to a non-empty string, with the values given', () => {
    for (const [name, catalogue] of Object.entries({ en, fil })) {
      for (const [part, words] of Object.entries(catalogue)) {
        for (const [key, word] of Object.entries(words as Record<string, unknown>)) {
          if (typeof word !== 'function') continue;
          const said =
            part === 'chartReasons'
              ? word(SAMPLE_REASONS[key as keyof typeof SAMPLE_REASONS])
              : part === 'chart'
                ? word(...SAMPLE_CHART_ARGUMENTS[key as keyof typeof SAMPLE_CHART_ARGUMENTS])
                : key === 'join'
                  ? word(['⟪a⟫', '⟪b⟫'])
                  : key === 'dataError' || key === 'failedDetail'
                    ? word({ code: 'invalid-date', column: '⟪a⟫', message: '⟪b⟫' })
                    : word('⟪a⟫', '⟪b⟫');
          expect(typeof said, `${name}.${part}.${key}`).toBe('string');
          expect(said.length, `${name}.${part}.${key}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('say a Filipino sentence with the values where Filipino puts them', () => {
    expect(fil.kpiTile.ofTarget('92%', 'Q4 target')).toBe('92% ng Q4 target');
    expect(fil.kpiTile.compared(fil.kpiTile.up('15%'), 'kumpara sa Nob 2025')).toBe(
      'tumaas nang 15% kumpara sa Nob 2025',
    );
    expect(fil.kpiTile.targetNoun('kumpara sa Q4 target')).toBe('Q4 target');
    expect(fil.provenance.rows(12, '12')).toBe('12 hilera');
  });

  it('say why a chart was chosen with every value of the reason, in both languages', () => {
    for (const [name, words] of Object.entries({ en: enChartReasons, fil: fil.chartReasons })) {
      for (const reason of Object.values(SAMPLE_REASONS)) {
        const said = explainChart(reason, words);
        const labels = JSON.stringify(reason).match(/⟪[^⟫]+⟫/g) ?? [];
        for (const label of labels) expect(said, `${name} ${reason.code}`).toContain(label);
        expect(said, `${name} ${reason.code}`).toMatch(/\.$/);
      }
    }
    expect(explainChart(SAMPLE_REASONS.grouped, fil.chartReasons)).toBe(
      'Inihahambing ng magkakatabing bar ang ⟪revenue⟫ at ⟪cost⟫ sa bawat ⟪region⟫.',
    );
    // A partial catalogue falls back to English for the codes it leaves out.
    expect(explainChart(SAMPLE_REASONS.pie, { donut: () => 'x' })).toBe(
      'A pie shows the same shares without the hole.',
    );
  });

  it('describe a chart with every label and count it is given, in both languages', () => {
    for (const [name, words] of Object.entries({ en: en.chart, fil: fil.chart })) {
      for (const [key, args] of Object.entries(SAMPLE_CHART_ARGUMENTS)) {
        const said = words[key as keyof typeof words] as string | ((...given: unknown[]) => string);
        const text = typeof said === 'string' ? said : said(...args);
        for (const label of JSON.stringify(args).match(/⟪[^⟫]+⟫/g) ?? []) {
          expect(text, `${name}.${key}`).toContain(label);
        }
      }
    }
    expect(fil.chart.heatmap({ value: 'Kita', x: 'Tindahan', y: 'Araw', columns: 10, rows: 7 })).toBe(
      'Heatmap ng Kita ayon sa Tindahan at Araw: 10 × 7 na selda.',
    );
  });

  it('count rows in English with the plural rules', () => {
    expect(en.provenance.rows(1, '1')).toBe('1 row');
    expect(en.provenance.rows(0, '0')).toBe('0 rows');
    expect(en.provenance.rows(1204, '1,204')).toBe('1,204 rows');
  });

  it('merge overrides part by part, later ones winning, without changing the catalogue', () => {
    const merged = mergeMessages(en, { common: { retry: 'Try again' } }, { common: { empty: 'Nothing here' } });
    expect(merged.common).toMatchObject({ retry: 'Try again', empty: 'Nothing here' });
    expect(merged.common.loading('Revenue')).toBe('Loading Revenue');
    expect(merged.dataTable).toBe(en.dataTable);
    expect(en.common.retry).toBe('Retry');
  });
});
