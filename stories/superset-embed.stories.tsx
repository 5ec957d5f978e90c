import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { type FetchGuestTokenContext, SupersetEmbed } from '../src/react/superset-embed';
import { FAKE_SUPERSET_BASE_PATH, mintGuestToken } from '../test/fixtures/fake-superset/token';

/**
 * The stories embed a fake Superset served by Storybook itself (test/fixtures/fake-superset): a page that
 * speaks the embedded SDK's protocol like Superset's `/embedded/<id>` page does, with a mock dashboard.
 */
const supersetDomain = () => `${window.location.origin}${FAKE_SUPERSET_BASE_PATH}`;

/** A backend's guest-token endpoint for the fake Superset (a real app calls its own server). */
const guestTokens =
  (dashboardId: string, ttlSeconds = 300) =>
  async (_context: FetchGuestTokenContext) =>
    mintGuestToken({ dashboardId, ttlSeconds });

const frame = (canvasElement: HTMLElement) =>
  canvasElement.querySelector<HTMLElement>('[data-slot="superset-embed"]') as HTMLElement;

const meta = {
  title: 'Superset/SupersetEmbed',
  component: SupersetEmbed,
  parameters: { layout: 'padded' },
  args: {
    supersetDomain: 'set by each story',
    dashboardId: 'exec-overview',
    title: 'Exec Overview',
    fetchGuestToken: guestTokens('exec-overview'),
    onLoad: fn(),
    onError: fn(),
    onTokenRefreshFailed: fn(),
  },
  render: (args) => <SupersetEmbed {...args} supersetDomain={supersetDomain()} />,
} satisfies Meta<typeof SupersetEmbed>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The Exec Overview dashboard, themed like the rest of the app, as tall as its content. */
export const Default: Story = {
  play: async ({ args, canvasElement }) => {
    await waitFor(() => expect(frame(canvasElement)).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
    const iframe = canvasElement.querySelector('iframe');
    await expect(iframe).toHaveAttribute('title', 'Exec Overview');
    await expect(iframe).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin');
    await expect(args.onLoad).toHaveBeenCalledTimes(1);
  },
};

/** The same dashboard in dark mode: the theme reaches Superset with the provider's switch. */
export const Dark: Story = {
  parameters: { theme: 'dark' },
  play: Default.play,
};

/** Native filter values and URL parameters set by the host app when it embeds the dashboard. */
export const WithFilters: Story = {
  args: {
    filters: {
      native: { 'NATIVE_FILTER-region': { column: 'region', value: ['NCR', 'Visayas'] } },
      urlParams: { year: 2025, channel: 'online' },
    },
    uiConfig: { hideChartControls: true, filters: { expanded: true } },
    onDataMaskChange: fn(),
  },
  play: Default.play,
};

/** While the guest token and the dashboard load (this token never comes). */
export const Loading: Story = {
  args: {
    fetchGuestToken: () => new Promise<string>(() => {}),
    tokenOptions: { timeoutMs: 3_600_000 },
  },
  play: async ({ canvasElement }) => {
    const root = frame(canvasElement);
    await expect(root).toHaveAttribute('data-state', 'loading');
    await expect(root.querySelector('[data-slot="superset-embed-frame"]')).toHaveAttribute('aria-busy', 'true');
    await expect(within(root).getByRole('status')).toHaveTextContent('Loading Exec Overview…');
  },
};

let calls = 0;
let reconnecting = false;
/** The session ran out: refreshing the guest token failed every time. Reconnect fetches a new one in place. */
export const Expired: Story = {
  args: {
    // The first token lives 4 s; every refresh fails until Reconnect is pressed.
    fetchGuestToken: async () => {
      calls++;
      if (calls > 1 && !reconnecting) throw new TypeError('Failed to fetch');
      return mintGuestToken({ dashboardId: 'exec-overview', ttlSeconds: 4 });
    },
    tokenOptions: { refreshBeforeMs: 2_000, skewToleranceMs: 0, retry: { attempts: 0 } },
  },
  beforeEach: () => {
    calls = 0;
    reconnecting = false;
  },
  play: async ({ args, canvasElement }) => {
    const root = frame(canvasElement);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'expired'), { timeout: 10_000 });
    await expect(args.onTokenRefreshFailed).toHaveBeenCalledTimes(1);
    const alert = within(root).getByRole('alert');
    await expect(alert).toHaveTextContent('Your session with Exec Overview expired.');
    await expect(within(alert).getByRole('button', { name: 'Reconnect' })).toBeVisible();
  },
};

/** …and pressing Reconnect brings the same dashboard back without reloading it. */
export const ExpiredThenReconnected: Story = {
  ...Expired,
  play: async (context) => {
    await Expired.play?.(context);
    reconnecting = true;
    const root = frame(context.canvasElement);
    await userEvent.click(within(root).getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'ready'), { timeout: 10_000 });
  },
};

/** Superset answered but no dashboard started (framing refused, embedding off, or not allowed here). */
export const Refused: Story = {
  args: { dashboardId: 'exec-overview~silent', handshakeTimeoutMs: 1_000 },
  play: async ({ args, canvasElement }) => {
    const root = frame(canvasElement);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'), { timeout: 10_000 });
    await expect(root).toHaveAttribute('data-error', 'refused');
    await expect(within(root).getByRole('alert')).toHaveTextContent(/X-Frame-Options/);
    await expect(within(root).getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(args.onError).toHaveBeenCalledTimes(1);
  },
};

/** No guest token could be had: the backend kept failing. */
export const TokenError: Story = {
  args: {
    fetchGuestToken: async () => {
      throw new TypeError('Failed to fetch');
    },
    tokenOptions: { retry: { attempts: 1, baseDelayMs: 100 } },
  },
  play: async ({ canvasElement }) => {
    const root = frame(canvasElement);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'), { timeout: 10_000 });
    await expect(root).toHaveAttribute('data-error', 'token');
    await expect(within(root).getByRole('alert')).toHaveTextContent('No guest token for the dashboard');
  },
};

/** An older Superset, without the theme or data-mask methods: it embeds, and keeps its own look. */
export const OlderSuperset: Story = {
  args: { dashboardId: 'exec-overview~legacy' },
  play: Default.play,
};

/** Hostile input: markup in the title and the filters is text, and a path in the id is refused. */
export const HostileInput: Story = {
  args: {
    title: '<img src=x onerror=alert(1)> Exec',
    dashboardId: '../admin',
    filters: { urlParams: { note: '<script>alert(1)</script>' } },
  },
  play: async ({ canvasElement }) => {
    const root = frame(canvasElement);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'));
    await expect(root).toHaveAttribute('data-error', 'invalid-props');
    await expect(within(root).getByRole('alert')).toHaveTextContent(
      '<img src=x onerror=alert(1)> Exec could not be shown.',
    );
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.querySelector('iframe')).toBeNull();
  },
};
