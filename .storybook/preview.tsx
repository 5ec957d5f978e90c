import '../src/styles.css';
import type { Decorator, Preview } from '@storybook/react-vite';
import { fil, InsightPulseProvider, type ThemePreference } from '../src';

/**
 * Every story renders inside the provider, in the mode and language chosen in the toolbar (or a story's own
 * `parameters.theme` / `parameters.locale`).
 */
const withTheme: Decorator = (Story, context) => {
  const theme = (context.parameters.theme ?? context.globals.theme ?? 'light') as ThemePreference;
  const locale = (context.parameters.locale ?? context.globals.locale ?? 'en-US') as string;
  return (
    <InsightPulseProvider
      theme={theme}
      locale={locale}
      messages={locale.startsWith('fil') ? fil : undefined}
      lang={locale}
    >
      <div
        style={{
          background: 'var(--ip-background)',
          color: 'var(--ip-on-background)',
          minHeight: '100vh',
          boxSizing: 'border-box',
          padding: 16,
          fontFamily: 'var(--ip-font-sans)',
        }}
      >
        <Story />
      </div>
    </InsightPulseProvider>
  );
};

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'InsightPulse colour mode',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'System', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of every word and format',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en-US', title: 'English', right: 'en-US' },
          { value: 'fil-PH', title: 'Filipino', right: 'fil-PH' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en-US' },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // Accessibility violations fail the story tests.
    a11y: { test: 'error' },
    // Storybook opens on the first story: Jenny answering on the live embedded warehouse.
    options: { storySort: { order: ['Jenny', ['JennyPanel', ['Ask Jenny', '*']], '*'] } },
  },
  tags: ['autodocs'],
};

export default preview;
