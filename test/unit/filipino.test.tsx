import 'vitest-canvas-mock';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  ChartCard,
  DataTable,
  EChart,
  en,
  enChartReasons,
  fil,
  InsightPulseProvider,
  JennyPanel,
  KpiTile,
  type Messages,
} from '../../src';
import { createDataClient, memoryTransport } from '../../src/core/client';
import { SAMPLE_CHART_ARGUMENTS, SAMPLE_REASONS } from '../fixtures/chart-reasons';

/** Every string a catalogue can say: its strings, and its functions given placeholder values. */
function sayings(messages: Messages): string[] {
  return Object.entries(messages).flatMap(([name, part]) =>
    Object.entries(part as Record<string, unknown>).flatMap(([key, word]) => {
      if (typeof word === 'string') return [word];
      if (typeof word === 'function' && name === 'chartReasons') {
        return [word(SAMPLE_REASONS[key as keyof typeof SAMPLE_REASONS])];
      }
      if (typeof word === 'function' && name === 'chart') {
        return [word(...SAMPLE_CHART_ARGUMENTS[key as keyof typeof SAMPLE_CHART_ARGUMENTS])];
      }
      if (typeof word === 'function') {
        if (key === 'join') return [word(['', ''])];
        if (key === 'dataError' || key === 'failedDetail') return [word({ code: '', message: '' })];
        return [word('', '')];
      }
      return Object.values(word as Record<string, string>);
    }),
  );
}

const wordsOf = (text: string) => (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((word) => word.length > 1);
/** Words only the English catalogue uses: a Filipino screen must show none of them. */
const filipinoWords = new Set(sayings(fil).flatMap(wordsOf));
const englishOnly = new Set(
  sayings({ ...en, chartReasons: enChartReasons })
    .flatMap(wordsOf)
    .filter((word) => !filipinoWords.has(word)),
);

/** What a person sees or hears on the page: text, and the names and descriptions in attributes. */
function everythingSaid(): string[] {
  const said: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) said.push(node.textContent ?? '');
  for (const element of document.body.querySelectorAll('*')) {
    for (const attribute of ['aria-label', 'title', 'aria-valuetext', 'alt', 'placeholder']) {
      const value = element.getAttribute(attribute);
      if (value) said.push(value);
    }
  }
  return said;
}

const englishIn = (said: string[]) => [...new Set(said.flatMap(wordsOf).filter((word) => englishOnly.has(word)))];

const inFilipino = (children: ReactNode) =>
  render(
    <InsightPulseProvider locale="fil-PH" messages={fil}>
      {children}
    </InsightPulseProvider>,
  );

// Data in Filipino, as the demo business would name it.
const rows = [
  { buwan: '2026-01-01', kita: 412_000, porsiyento: 0.12 },
  { buwan: '2026-02-01', kita: 398_000, porsiyento: null },
];
const meta = [
  { name: 'buwan', type: 'date' as const, label: 'Buwan', grain: 'month' as const },
  { name: 'kita', type: 'number' as const, label: 'Kita', format: { kind: 'currency' as const, currency: 'PHP' } },
  { name: 'porsiyento', type: 'number' as const, label: 'Bahagi', format: { kind: 'percent' as const } },
];

describe('components in Filipino', () => {
  it('the check knows English words (it is not vacuous)', () => {
    expect(englishOnly).toContain('retry');
    expect(englishOnly).toContain('total');
    render(<DataTable label="Mga tindahan" data={rows} totals={{ kita: 'sum' }} />);
    expect(englishIn(everythingSaid())).toEqual(expect.arrayContaining(['total']));
  });

  it('ChartCard says every state, action and announcement in Filipino', async () => {
    const user = userEvent.setup();
    const { rerender } = inFilipino(<ChartCard title="Kita kada buwan" loading />);
    expect(screen.getByRole('status')).toHaveTextContent('Nilo-load ang Kita kada buwan');
    expect(englishIn(everythingSaid())).toEqual([]);

    rerender(
      <InsightPulseProvider locale="fil-PH" messages={fil}>
        <ChartCard title="Kita kada buwan" error="Hindi maabot ang server." onRetry={() => {}} />
      </InsightPulseProvider>,
    );
    expect(screen.getByRole('button', { name: 'Subukang muli' })).toBeVisible();
    expect(englishIn(everythingSaid())).toEqual([]);

    rerender(
      <InsightPulseProvider locale="fil-PH" messages={fil}>
        <ChartCard title="Kita kada buwan" data={{ rows: [], meta }} />
      </InsightPulseProvider>,
    );
    expect(screen.getByText('Walang datos para sa napiling ito.')).toBeVisible();

    rerender(
      <InsightPulseProvider locale="fil-PH" messages={fil}>
        <ChartCard
          title="Kita kada buwan"
          data={{ rows, meta }}
          spec={{ kind: 'bar', encoding: { x: 'buwan', y: 'kita' } }}
          provenance={{ sql: 'select 1', rowCount: 2, queryTimeMs: 84, freshness: '2026-03-01' }}
        />
      </InsightPulseProvider>,
    );
    const toolbar = screen.getByRole('group', { name: 'Mga aksyon para sa Kita kada buwan' });
    for (const name of ['I-download ang PNG', 'I-download ang SVG', 'I-download ang CSV', 'Buong screen']) {
      expect(within(toolbar).getByRole('button', { name })).toBeVisible();
    }
    expect(screen.getByText(/^2 hilera · 84 ms · na-update noong /)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Tingnan ang datos bilang talahanayan' }));
    expect(await screen.findByRole('grid', { name: 'Kita kada buwan: ang datos' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('ipinapakita ang datos bilang talahanayan');
    await user.click(screen.getByRole('button', { name: 'Tingnan ang SQL' }));
    expect(screen.getByRole('status')).toHaveTextContent('Kita kada buwan: ipinapakita ang SQL');
    expect(englishIn(everythingSaid())).toEqual([]);
  });

  it('DataTable names its totals and resize handles in Filipino', () => {
    inFilipino(
      <DataTable label="Kita" data={{ rows, meta }} totals={{ kita: 'sum' }} provenance={{ queryTimeMs: 12 }} />,
    );
    expect(screen.getByRole('gridcell', { name: 'Kabuuan' })).toBeVisible();
    expect(screen.getByRole('separator', { name: 'Baguhin ang lapad ng Kita' })).toBeVisible();
    expect(screen.getByText('2 hilera · 12 ms')).toBeVisible();
    expect(englishIn(everythingSaid())).toEqual([]);
  });

  it("says why data could not be read in Filipino, and in English with the library's detailed message", () => {
    const bad = { rows: [{ buwan: 'hindi petsa', kita: 1 }], meta: [{ name: 'buwan', type: 'date' as const }] };
    const { unmount } = inFilipino(
      <>
        <ChartCard title="Kita" data={bad} spec={{ kind: 'bar', encoding: { x: 'buwan', y: 'kita' } }} />
        <DataTable
          label="Kita"
          data={{
            columns: [
              { name: 'a', values: [1] },
              { name: 'a', values: [2] },
            ],
          }}
        />
      </>,
    );
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts).toEqual([
      expect.stringContaining('May petsang hindi mabasa sa column na "buwan".'),
      expect.stringContaining('Dalawang beses lumabas ang column na "a".'),
    ]);
    expect(englishIn(everythingSaid())).toEqual([]);
    unmount();
    render(<ChartCard title="Revenue" data={bad} spec={{ kind: 'bar', encoding: { x: 'buwan', y: 'kita' } }} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/Column "buwan" holds dates, but row 1 holds "hindi petsa"/);
  });

  it('DataTable in its loading and empty states', () => {
    const { rerender } = inFilipino(<DataTable label="Kita" loading />);
    expect(screen.getByRole('status')).toHaveTextContent('Nilo-load ang Kita');
    rerender(
      <InsightPulseProvider locale="fil-PH" messages={fil}>
        <DataTable label="Kita" data={[]} />
      </InsightPulseProvider>,
    );
    expect(screen.getByText('Walang datos para sa napiling ito.')).toBeVisible();
    expect(englishIn(everythingSaid())).toEqual([]);
  });

  it('KpiTile says its sentence, progress and freshness in Filipino', () => {
    inFilipino(
      <KpiTile
        label="Kita"
        period="Dis 2025"
        value={1_240_000}
        format={{ kind: 'compact' }}
        comparisons={{ previous: { value: 1_080_000 }, target: { value: 1_350_000 } }}
        progress
        provenance={{ freshness: '2025-12-31' }}
      />,
    );
    const tile = screen.getByRole('group', {
      name: /^Kita \(Dis 2025\) .*tumaas nang 14\.8% kumpara sa nakaraang yugto/,
    });
    expect(tile.getAttribute('aria-label')).toMatch(/91\.9% ng target, na-update noong /);
    expect(screen.getByRole('progressbar', { name: 'Pag-usad patungo sa target' })).toBeVisible();
    expect(screen.getByText(/^Na-update noong /)).toBeVisible();
    expect(englishIn(everythingSaid())).toEqual([]);
  });

  it('KpiTile in its loading, empty and error states', () => {
    inFilipino(
      <>
        <KpiTile label="Kita" value={1} loading />
        <KpiTile label="Gastos" value={null} />
        <KpiTile label="Benta" value={1} error="Hindi maabot ang server." />
        <KpiTile label="Kita" value={1} format={{ kind: 'currency', currency: 'PESO' }} />
      </>,
    );
    // A format Intl cannot write is said by its code, not in the library's English.
    expect(
      screen.getByRole('group', { name: 'Kita, may problema: Hindi maisulat ang halaga sa ibinigay na format.' }),
    ).toBeVisible();
    expect(screen.getByRole('group', { name: 'Kita, nilo-load' })).toBeVisible();
    expect(screen.getByRole('group', { name: 'Gastos, walang datos' })).toBeVisible();
    expect(screen.getByRole('group', { name: 'Benta, may problema: Hindi maabot ang server.' })).toBeVisible();
    expect(englishIn(everythingSaid())).toEqual([]);
  });

  it('EChart describes its data in Filipino', async () => {
    inFilipino(
      <EChart
        option={{
          xAxis: { type: 'category', data: ['Ene', 'Peb'] },
          yAxis: { type: 'value' },
          series: [{ name: 'Kita', type: 'bar', data: [412, 398] }],
        }}
        style={{ width: 400, height: 300 }}
      />,
    );
    const chart = screen.getByRole('img');
    await waitFor(() => expect(chart.getAttribute('aria-label')).toMatch(/^Ito ay isang tsart ng Kita\./), {
      timeout: 10_000,
    });
    expect(englishIn(everythingSaid())).toEqual([]);
  });

  it('ChartCard says in Filipino why it chose the chart', async () => {
    inFilipino(<ChartCard title="Kita kada buwan" data={{ rows, meta }} />);
    const why = screen.getByRole('button', { name: 'Bakit ito ang tsart?' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    const reason = document.getElementById(why.getAttribute('aria-controls') ?? '');
    expect(reason).toBeVisible();
    expect(reason).toHaveTextContent(/^Panahon at isang sukatan: ipinapakita ng linya ang takbo ng /);
    expect(englishIn([reason?.textContent ?? ''])).toEqual([]);
    // The chart's description, which screen readers hear, is the adapter's, in the catalogue's words.
    await waitFor(
      () =>
        expect(document.querySelector('[aria-label*="Linyang tsart ng Kita at Bahagi ayon sa Buwan"]')).not.toBeNull(),
      { timeout: 10_000 },
    );
    expect(englishIn(everythingSaid())).toEqual([]);
  });

  it('a component’s messages prop changes its own words over the provider’s', () => {
    inFilipino(<ChartCard title="Kita" error="Wala" onRetry={() => {}} messages={{ common: { retry: 'Ulitin' } }} />);
    expect(screen.getByRole('button', { name: 'Ulitin' })).toBeVisible();
  });
  it('JennyPanel says its empty state, composer, steps, answer and feedback in Filipino', async () => {
    const user = userEvent.setup();
    const question = 'Kita ayon sa buwan';
    const answer = {
      kind: 'answer' as const,
      title: 'Kita kada buwan',
      summary: 'Pinakamataas ang Enero.',
      rows,
      meta,
      generatedSql: 'select 1',
      suggestions: ['Kita ayon sa rehiyon'],
      asOf: '2026-02-28',
    };
    const client = createDataClient({ transport: memoryTransport({ answers: { [question]: answer } }) });
    inFilipino(
      <JennyPanel
        space="benta"
        client={client}
        spaceName="Benta"
        spaceDescription="Ang benta ng bawat tindahan."
        exampleQuestions={[question]}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Magtanong kay Jenny tungkol sa Benta' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Magtanong tungkol sa iyong datos' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Ipadala' })).toBeVisible();
    expect(englishIn(everythingSaid())).toEqual([]);

    await user.click(screen.getByRole('button', { name: question }));
    expect(await screen.findByRole('heading', { name: 'Kita kada buwan', level: 3 })).toBeVisible();
    expect(document.querySelector('[data-slot="jenny-panel-status"]')).toHaveTextContent('Handa na ang sagot.');
    expect(screen.getByRole('log', { name: 'Usapan kasama si Jenny' })).toBeVisible();
    expect(await screen.findByRole('grid', { name: 'Kita kada buwan: ang datos' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Nakatulong' }));
    expect(await screen.findByText('Salamat sa puna.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Kopyahin ang SQL' })).toBeVisible();
    expect(englishIn(everythingSaid())).toEqual([]);
  });
});
