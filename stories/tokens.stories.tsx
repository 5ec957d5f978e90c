import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { colors } from '../themes/tokens';
import { TokenTables } from './tokens/token-tables';

const meta = {
  title: 'Foundations/Tokens',
  component: TokenTables,
} satisfies Meta<typeof TokenTables>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = {
  args: { mode: 'light' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('list', { name: 'light chart palette' }).children).toHaveLength(
      colors.light.palette.length,
    );
    await expect(canvas.getByRole('table', { name: 'light colour roles' })).toBeVisible();
  },
};

export const Dark: Story = {
  args: { mode: 'dark' },
  parameters: { theme: 'dark' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('table', { name: 'dark colour roles' })).toBeVisible();
  },
};
