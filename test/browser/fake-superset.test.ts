import { embedDashboard } from '@superset-ui/embedded-sdk';
import rison from 'rison';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import type { FakeSupersetRecord, FakeSupersetRecordType } from '../fixtures/fake-superset/handler';
import { mintGuestToken } from '../fixtures/fake-superset/token';

/**
 * The fake Superset embedded page (test/fixtures/fake-superset) driven by the official SDK, unwrapped: proves
 * the fake speaks the protocol the SDK expects before any component is tested against it.
 */

const origin = inject('fakeSupersetOrigin');
const cleanups: (() => void | Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A dashboard id of its own per test (the page ignores the `t=` flag), so records never mix. */
function uniqueId(flags: string[] = []): string {
  return ['exec-overview', ...flags, `t=${crypto.randomUUID().slice(0, 8)}`].join('~');
}

async function embed(id: string, options: Partial<Parameters<typeof embedDashboard>[0]> = {}) {
  const mountPoint = document.createElement('div');
  document.body.append(mountPoint);
  const dashboard = await embedDashboard({
    id,
    supersetDomain: origin,
    mountPoint,
    fetchGuestToken: async () => mintGuestToken({ dashboardId: id, ttlSeconds: 300 }),
    ...options,
  });
  cleanups.push(async () => {
    dashboard.unmount();
    mountPoint.remove();
    await fetch(recordsUrl(id), { method: 'DELETE' });
  });
  return { dashboard, mountPoint };
}

function recordsUrl(id: string): string {
  return `${origin}/__fake-superset/records?id=${encodeURIComponent(id)}`;
}

async function fetchRecords(id: string): Promise<FakeSupersetRecord[]> {
  return (await fetch(recordsUrl(id))).json();
}

/** Polls the fake's records until every type in `types` has been recorded. */
async function waitForRecords(id: string, types: FakeSupersetRecordType[]): Promise<FakeSupersetRecord[]> {
  return vi.waitFor(
    async () => {
      const records = await fetchRecords(id);
      expect(records.map((record) => record.type)).toEqual(expect.arrayContaining(types));
      return records;
    },
    { timeout: 5000, interval: 100 },
  );
}

function find<T extends FakeSupersetRecordType>(records: FakeSupersetRecord[], type: T) {
  return records.find((record): record is Extract<FakeSupersetRecord, { type: T }> => record.type === type);
}

/**
 * Waits until the embedded page shows `text`. `expect.element` cannot read a cross-origin frame's DOM, but a
 * Playwright action on a frame locator can: hovering waits for the element (and fails the test if it never shows).
 */
async function waitForFrameText(mountPoint: HTMLElement, text: string) {
  await frameOf(mountPoint).getByText(text, { exact: true }).hover();
}

/** Resolves with 'pending' if `promise` has not settled within `ms`. */
function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);
}

function iframeOf(mountPoint: HTMLElement): HTMLIFrameElement {
  const iframe = mountPoint.querySelector('iframe');
  if (!iframe) throw new Error('the SDK mounted no iframe');
  return iframe;
}

/** The embedded page, for locators (Playwright reaches into the cross-origin frame). */
function frameOf(mountPoint: HTMLElement) {
  return page.frameLocator(page.elementLocator(iframeOf(mountPoint)));
}

describe('fake Superset embedded page', () => {
  it('handshakes, takes a guest token, answers getScrollSize and applies the theme', async () => {
    const id = uniqueId();
    const { dashboard, mountPoint } = await embed(id);

    const size = await dashboard.getScrollSize();
    expect(size.height).toBe(640);
    dashboard.setThemeMode('dark');
    await dashboard.setThemeConfig({ token: { colorBgBase: '#101820', colorPrimary: '#f2aa4c' } });

    const records = await waitForRecords(id, [
      'load',
      'handshake',
      'guestToken',
      'getScrollSize',
      'setThemeMode',
      'setThemeConfig',
    ]);
    expect(find(records, 'guestToken')?.detail).toMatchObject({ validAtArrival: true, jti: expect.any(String) });
    expect(find(records, 'guestToken')?.detail).not.toHaveProperty('previousExpiredFor');
    expect(find(records, 'getScrollSize')?.detail).toEqual(size);
    expect(find(records, 'setThemeMode')?.detail).toEqual({ mode: 'dark' });
    expect(find(records, 'setThemeConfig')?.detail).toEqual({ colorBgBase: '#101820', colorPrimary: '#f2aa4c' });
    const { jti } = find(records, 'guestToken')?.detail ?? {};
    await waitForFrameText(mountPoint, `Signed in as guest (token ${jti})`);
    // The raw token never reaches the records.
    expect(JSON.stringify(records)).not.toMatch(/eyJ/);
  });

  it('sizes its content from the h flag', async () => {
    const { dashboard } = await embed(uniqueId(['h=900']));
    expect((await dashboard.getScrollSize()).height).toBe(900);
  });

  it('with grow, follows the viewport: an iframe sized to scrollHeight grows again', async () => {
    const { dashboard, mountPoint } = await embed(uniqueId(['grow']));

    const first = (await dashboard.getScrollSize()).height;
    expect(first).toBeGreaterThanOrEqual(iframeOf(mountPoint).clientHeight + 120);
    iframeOf(mountPoint).style.height = `${first}px`;
    await vi.waitFor(async () => expect((await dashboard.getScrollSize()).height).toBe(first + 120));
  });

  it('as a legacy Superset, rejects getDataMask and ignores theme emits', async () => {
    const id = uniqueId(['legacy']);
    const { dashboard } = await embed(id);

    await expect(dashboard.getDataMask()).rejects.toThrow('Method "getDataMask" is not defined');
    dashboard.setThemeMode('dark');
    await dashboard.getScrollSize();

    const records = await waitForRecords(id, ['handshake', 'guestToken', 'getScrollSize']);
    expect(records.map((record) => record.type)).not.toContain('setThemeMode');
  });

  it('decodes native_filters into the data mask and emits observeDataMask on a filter change', async () => {
    const id = uniqueId();
    const mask = {
      'NATIVE_FILTER-channel': {
        id: 'NATIVE_FILTER-channel',
        extraFormData: { filters: [{ col: 'channel', op: 'IN', val: ['Online'] }] },
        filterState: { value: ['Online'] },
      },
    };
    const observed = vi.fn();
    const { dashboard, mountPoint } = await embed(id, {
      dashboardUiConfig: { emitDataMasks: true, urlParams: { native_filters: rison.encode(mask), team: 'finance' } },
    });
    dashboard.observeDataMask(observed);

    expect(await dashboard.getDataMask()).toEqual(mask);
    const load = find(await waitForRecords(id, ['load']), 'load');
    expect(load?.detail).toMatchObject({ uiConfig: 16, nativeFilters: mask, urlParams: { team: 'finance' } });

    // Playwright reaches into the cross-origin frame, as a user's click would.
    await frameOf(mountPoint).getByRole('button', { name: 'Filter region: Visayas' }).click();
    await vi.waitFor(() => expect(observed).toHaveBeenCalledTimes(1));
    expect(observed.mock.calls[0]?.[0]).toMatchObject({
      ...mask,
      'NATIVE_FILTER-region': { filterState: { value: ['Visayas'] } },
      crossFiltersChanged: false,
      nativeFiltersChanged: true,
    });
    await waitForRecords(id, ['dataMaskEmitted']);
  });

  it("judges token validity by the server's clock (skew flag)", async () => {
    const id = uniqueId(['skew=600']);
    // Minted on the local clock: 5 minutes of life is already over on a server 10 minutes ahead.
    const { mountPoint } = await embed(id);

    const records = await waitForRecords(id, ['guestToken', 'tokenExpired']);
    expect(find(records, 'guestToken')?.detail.validAtArrival).toBe(false);
    await waitForFrameText(mountPoint, 'Guest token expired');
  });

  it('accepts a token minted on the skewed server clock', async () => {
    const id = uniqueId(['skew=600']);
    await embed(id, {
      fetchGuestToken: async () => mintGuestToken({ dashboardId: id, ttlSeconds: 300, serverSkewSeconds: 600 }),
    });

    const records = await waitForRecords(id, ['guestToken']);
    expect(find(records, 'guestToken')?.detail.validAtArrival).toBe(true);
  });

  it('as a silent page, loads but never answers', async () => {
    const id = uniqueId(['silent']);
    const { dashboard } = await embed(id);

    expect(await settleWithin(dashboard.getScrollSize(), 1000)).toBe('pending');
    const records = await waitForRecords(id, ['load']);
    expect(records.map((record) => record.type)).not.toContain('handshake');
  });

  it.each(['xfo', 'csp'])('with %s, is refused by the browser and never loads', async (flag) => {
    const id = uniqueId([flag]);
    const { dashboard } = await embed(id);

    expect(await settleWithin(dashboard.getScrollSize(), 1000)).toBe('pending');
    expect(await fetchRecords(id)).toEqual([]);
  });
});
