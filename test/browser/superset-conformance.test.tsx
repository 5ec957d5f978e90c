import { embedDashboard, type EmbeddedDashboard as SdkDashboard } from '@superset-ui/embedded-sdk';
import { render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { type EmbeddedDashboard, SupersetEmbed } from '../../src/react/superset-embed';
import { supersetThemeConfig } from '../../src/theme/superset-theme';
import type { FakeSupersetRecord } from '../fixtures/fake-superset/page';
import { mintGuestToken } from '../fixtures/fake-superset/token';

/**
 * Conformance: the official `@superset-ui/embedded-sdk` and SupersetEmbed embed the same dashboard of the fake
 * Superset page, which records the handshake and every message on the channel; both must speak alike.
 */

const origin = inject('fakeSupersetOrigin');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const uid = () => `exec-overview~t=${Math.random().toString(36).slice(2, 10)}`;

async function records(id: string): Promise<FakeSupersetRecord[]> {
  const response = await fetch(`${origin}/__fake-superset/records?id=${encodeURIComponent(id)}`);
  return (await response.json()) as FakeSupersetRecord[];
}

type Message = Extract<FakeSupersetRecord, { type: 'message' }>['detail'];

/** The channel's messages in the order sent, once `done` says all expected have come. */
async function messages(id: string, done: (all: Message[]) => boolean): Promise<Message[]> {
  let found: Message[] = [];
  await vi.waitFor(
    async () => {
      const all = (await records(id))
        .flatMap((record) => (record.type === 'message' ? [record.detail] : []))
        .sort((a, b) => a.seq - b.seq);
      if (!done(all)) throw new Error(`not all messages recorded for ${id}`);
      found = all;
    },
    { timeout: 15_000, interval: 100 },
  );
  return found;
}

/** A message without what differs between any two runs: its order and its message id's counter. */
const shape = ({ seq: _seq, ...message }: Message) => ({
  ...message,
  messageId: typeof message.messageId === 'string' ? message.messageId.replace(/\d+$/, 'N') : message.messageId,
});

const has = (all: Message[], action: string, method?: string) =>
  all.some((message) => message.switchboardAction === action && (method === undefined || message.method === method));

const THEME = supersetThemeConfig('dark');
const UI = { hideTitle: true, filters: { expanded: false } } as const;

/** What the host does once the dashboard is there: read its mask, a permalink (the page asks the host), theme. */
async function drive(dashboard: EmbeddedDashboard | SdkDashboard) {
  await dashboard.getDataMask();
  await dashboard.getDashboardPermalink('anchor');
}

async function embedWithSdk(id: string) {
  const mountPoint = document.createElement('div');
  document.body.append(mountPoint);
  const dashboard = await embedDashboard({
    id,
    supersetDomain: origin,
    mountPoint,
    fetchGuestToken: async () => mintGuestToken({ dashboardId: id, ttlSeconds: 300 }),
    dashboardUiConfig: { ...UI, emitDataMasks: true, urlParams: { year: '2025' } },
    iframeTitle: 'Exec Overview',
    referrerPolicy: 'strict-origin',
  });
  cleanups.push(() => {
    dashboard.unmount();
    mountPoint.remove();
  });
  dashboard.observeDataMask(() => undefined);
  await dashboard.getScrollSize(); // what SupersetEmbed asks to know the dashboard answers
  dashboard.setThemeConfig(THEME);
  dashboard.setThemeMode('dark');
  await drive(dashboard);
  return mountPoint.querySelector('iframe') as HTMLIFrameElement;
}

async function embedWithComponent(id: string) {
  let handle: EmbeddedDashboard | undefined;
  const { container, unmount } = render(
    <SupersetEmbed
      supersetDomain={origin}
      dashboardId={id}
      fetchGuestToken={async () => mintGuestToken({ dashboardId: id, ttlSeconds: 300 })}
      uiConfig={UI}
      filters={{ urlParams: { year: 2025 } }}
      onDataMaskChange={() => undefined}
      theme="dark"
      height={400}
      title="Exec Overview"
      onLoad={(dashboard) => {
        handle = dashboard;
      }}
    />,
  );
  cleanups.push(unmount);
  await waitFor(() => expect(handle).toBeDefined(), { timeout: 15_000 });
  await drive(handle as EmbeddedDashboard);
  return container.querySelector('iframe') as HTMLIFrameElement;
}

describe('SupersetEmbed speaks the embedded protocol as the official SDK does', () => {
  it('the same URL, handshake, token message, calls, emits and replies', async () => {
    const sdkId = uid();
    const ourId = uid();
    const sdkFrame = await embedWithSdk(sdkId);
    const ourFrame = await embedWithComponent(ourId);

    // The iframe: the same document and parameters (the sandbox is narrower by design, see README).
    const path = (frame: HTMLIFrameElement, id: string) => frame.src.replace(id, '<id>');
    expect(path(ourFrame, ourId)).toBe(path(sdkFrame, sdkId));
    expect(new URL(ourFrame.src).searchParams.get('uiConfig')).toBe('17');
    expect(ourFrame.title).toBe(sdkFrame.title);
    expect(ourFrame.referrerPolicy).toBe(sdkFrame.referrerPolicy);

    const complete = (all: Message[]) =>
      has(all, 'emit', 'guestToken') &&
      has(all, 'get', 'getScrollSize') &&
      has(all, 'get', 'getDataMask') &&
      has(all, 'get', 'getDashboardPermalink') &&
      has(all, 'emit', 'setThemeConfig') &&
      has(all, 'emit', 'setThemeMode') &&
      has(all, 'reply');
    const [sdk, ours] = [await messages(sdkId, complete), await messages(ourId, complete)];

    // The handshake: one message, one transferred port, once per load.
    const handshakes = async (id: string) =>
      (await records(id)).flatMap((record) => (record.type === 'handshake' ? [record.detail] : []));
    expect(await handshakes(ourId)).toEqual(await handshakes(sdkId));
    expect(await handshakes(ourId)).toEqual([
      { data: { type: '__embedded_comms__', handshake: 'port transfer' }, ports: 1 },
    ]);

    // The first message on the channel is the guest token, in the same form (the token itself differs).
    const token = (message: Message | undefined) => ({ ...shape(message as Message), args: '<token>' });
    expect(token(ours[0])).toEqual(token(sdk[0]));
    expect(ours[0]).toMatchObject({ switchboardAction: 'emit', method: 'guestToken' });
    expect(String((ours[0]?.args as { guestToken?: string } | undefined)?.guestToken)).toMatch(/^token:guest-\d+$/);

    // Each call, emit and reply has the same shape from both.
    const first = (all: Message[], action: string, method?: string) =>
      shape(
        all.find(
          (message) => message.switchboardAction === action && (!method || message.method === method),
        ) as Message,
      );
    for (const [action, method] of [
      ['get', 'getScrollSize'],
      ['get', 'getDataMask'],
      ['get', 'getDashboardPermalink'],
      ['emit', 'setThemeConfig'],
      ['emit', 'setThemeMode'],
      ['reply', undefined],
    ] as const) {
      expect(first(ours, action, method), `${action} ${method ?? ''}`).toEqual(first(sdk, action, method));
    }
    expect(first(ours, 'get', 'getDataMask').messageId).toBe('m_superset-embedded-sdk_N');
    expect(first(ours, 'reply')).toMatchObject({ result: null });

    // Nothing that the SDK never sends.
    const vocabulary = (all: Message[]) =>
      new Set(all.map((message) => `${message.switchboardAction} ${message.method}`));
    expect([...vocabulary(ours)].filter((entry) => !vocabulary(sdk).has(entry))).toEqual([]);
  });
});
