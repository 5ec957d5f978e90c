import { render, waitFor } from '@testing-library/react';
import { createRef, type ReactElement, type Ref, type RefObject, useRef } from 'react';
import { describe, expect, it } from 'vitest';
import * as client from '../../src/core/client';
import { InsightPulseError } from '../../src/core/errors';
import * as core from '../../src/core/index';
import * as semantic from '../../src/core/semantic';
import * as superset from '../../src/core/superset';
import * as root from '../../src/index';
import * as kpiEntry from '../../src/react/kpi-tile';
import { useMergedRefs } from '../../src/react/lib/merge-refs';
import { barOption } from '../fixtures/charts';

const FORWARD_REF = Symbol.for('react.forward_ref');
const MEMO = Symbol.for('react.memo');
/** A forwardRef, or a memo of one (EChart compares its props first). */
function forwardsRef(value: unknown): boolean {
  const { $$typeof, type } = value as { $$typeof?: symbol; type?: { $$typeof?: symbol } };
  return $$typeof === FORWARD_REF || ($$typeof === MEMO && type?.$$typeof === FORWARD_REF);
}
const entries = { ...core, ...client, ...semantic, ...superset, ...root, ...kpiEntry } as Record<string, unknown>;
const componentEntries = { ...root, ...kpiEntry } as Record<string, unknown>;

const isErrorClass = (value: unknown): value is typeof Error =>
  typeof value === 'function' && value.prototype instanceof Error;
/** A React component export: a capitalised function that is not a class, or a forwardRef/memo object. */
const isComponent = (name: string, value: unknown) =>
  /^[A-Z]/.test(name) &&
  ((typeof value === 'object' && value !== null && '$$typeof' in value) ||
    (typeof value === 'function' && !isErrorClass(value) && !/^class\b/.test(Function.prototype.toString.call(value))));

/** Components that render no element of their own, so have nothing to forward a ref to. */
const NO_ELEMENT = new Set(['DataClientProvider']);

/** One render of each component, given a ref; a new public component without one here fails the test. */
const renderWithRef: Record<string, (ref: RefObject<HTMLElement | null>) => ReactElement> = {
  EChart: (ref) => <EChartAny ref={ref} option={barOption} renderer="svg" />,
  ChartCard: (ref) => <root.ChartCard ref={ref} title="Revenue" loading />,
  DataTable: (ref) => <root.DataTable ref={ref as RefObject<HTMLDivElement>} label="Stores" data={[{ store: 'A' }]} />,
  KpiTile: (ref) => <root.KpiTile ref={ref as RefObject<HTMLDivElement>} label="Revenue" value={1} />,
  KpiGrid: (ref) => (
    <root.KpiGrid ref={ref} label="KPIs">
      <root.KpiTile label="Revenue" value={1} />
    </root.KpiGrid>
  ),
  JennyPanel: (ref) => (
    <root.JennyPanel
      ref={ref as RefObject<HTMLDivElement>}
      space="sales"
      client={client.createDataClient({ transport: client.memoryTransport({}) })}
    />
  ),
  InsightPulseProvider: (ref) => (
    <root.InsightPulseProvider ref={ref as RefObject<HTMLDivElement>}>
      <p>inside</p>
    </root.InsightPulseProvider>
  ),
};
/** A component with a ref of its own merged with the given ones. */
function Probe({ refs }: { refs: Ref<HTMLDivElement>[] }) {
  const own = useRef<HTMLDivElement>(null);
  const merged = useMergedRefs<HTMLDivElement>(own, ...refs);
  return <div ref={merged} data-slot="probe" />;
}

const EChartAny = root.EChart as unknown as (props: Record<string, unknown>) => ReactElement;

describe('conventions over the public exports', () => {
  it('every error class extends InsightPulseError', () => {
    const errors = Object.entries(entries).filter(([, value]) => isErrorClass(value));
    expect(errors.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'KpiError',
        'DataClientProviderMissingError',
        'InsightPulseProviderMissingError',
        'JennyPanelContextMissingError',
      ]),
    );
    const outside = errors
      .filter(
        ([, value]) => value !== InsightPulseError && !((value as typeof Error).prototype instanceof InsightPulseError),
      )
      .map(([name]) => name);
    expect(outside).toEqual([]);
  });

  const components = Object.entries(componentEntries).filter(([name, value]) => isComponent(name, value));

  it('finds the components (the walk is not vacuous)', () => {
    expect(components.map(([name]) => name).sort()).toEqual(
      [
        'ChartCard',
        'DataClientProvider',
        'DataTable',
        'EChart',
        'InsightPulseProvider',
        'JennyPanel',
        'KpiGrid',
        'KpiTile',
      ].sort(),
    );
  });

  it('every component that renders an element is a forwardRef (or a memo of one)', () => {
    const plain = components
      .filter(([name, value]) => !NO_ELEMENT.has(name) && !forwardsRef(value))
      .map(([name]) => name);
    expect(plain).toEqual([]);
  });

  for (const [name] of components.filter(([name]) => !NO_ELEMENT.has(name))) {
    it(`${name} forwards its ref to its root element`, async () => {
      const make = renderWithRef[name];
      expect(make, `no render for ${name} in this test`).toBeDefined();
      if (!make) return;
      const ref = createRef<HTMLElement>();
      const { container } = render(make(ref));
      // EChart holds its place until its SVG renderer has loaded, then renders the chart's element.
      await waitFor(() => expect(ref.current).toBe(container.firstElementChild), { timeout: 10_000 });
      expect(ref.current?.getAttribute('data-slot')).toBeTruthy();
      if (name === 'EChart') {
        await waitFor(() => expect(container.firstElementChild).toHaveAttribute('data-state', 'ready'), {
          timeout: 10_000,
        });
        expect(ref.current).toBe(container.firstElementChild);
      }
    });
  }

  it('mergeRefs hands the element to every ref and takes it back on unmount', () => {
    const object = createRef<HTMLDivElement>();
    const seen: (HTMLDivElement | null)[] = [];
    const callback = (element: HTMLDivElement | null) => {
      seen.push(element);
    };
    const { container, unmount } = render(<Probe refs={[object, callback]} />);
    expect(object.current).toBe(container.firstElementChild);
    expect(seen).toEqual([container.firstElementChild]);
    unmount();
    expect(object.current).toBeNull();
    expect(seen.at(-1)).toBeNull();
  });

  it('every rendered part carries a data-slot', () => {
    const { container } = render(
      <>
        <root.ChartCard title="Orders" error="Down" onRetry={() => {}} provenance={{ sql: 'select 1', rowCount: 0 }} />
        <root.ChartCard title="Orders" loading />
        <root.DataTable label="Stores" data={[{ store: 'A', units: null }]} totals provenance={{ queryTimeMs: 3 }} />
        <root.DataTable label="Stores" loading />
        <root.KpiGrid label="KPIs">
          <root.KpiTile
            label="Revenue"
            value={2}
            comparisons={{ previous: { value: 1 }, target: { value: 3 } }}
            progress
            sparkline={{ values: [1, 2, 3] }}
            provenance={{ freshness: '2025-01-01' }}
          />
        </root.KpiGrid>
        <root.KpiTile label="Revenue" value={1} loading />
        <root.KpiTile label="Revenue" value={1} error="Down" />
        <root.KpiTile label="Revenue" value={null} />
      </>,
    );
    // An SVG's own shapes are the icon's, not parts of the component.
    const parts = [...container.querySelectorAll('*')].filter((element) => !element.parentElement?.closest('svg'));
    expect(parts.length).toBeGreaterThan(40);
    const unnamed = parts
      .filter((element) => !element.hasAttribute('data-slot'))
      .map(
        (element) =>
          `${element.tagName} in ${element.parentElement?.closest('[data-slot]')?.getAttribute('data-slot')}`,
      );
    expect(unnamed).toEqual([]);
  });

  it('every root says its state in data-state, one of the Status values', () => {
    const { container } = render(
      <>
        <root.ChartCard title="Revenue" loading />
        <root.DataTable label="Stores" data={[]} />
        <root.KpiTile label="Revenue" value={null} />
        <root.KpiTile label="Revenue" value={1} error={new Error('down')} />
        <root.DataTable label="Stores" data={[{ store: 'A' }]} />
      </>,
    );
    const states = [...container.children].map((element) => element.getAttribute('data-state'));
    expect(states).toEqual(['loading', 'empty', 'empty', 'error', 'ready']);
  });
});
