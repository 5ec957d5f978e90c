import { contrastRatio } from '../../src/theme';
import { kebab } from '../../themes/generate';
import { type ColorMode, colors, radii, spacing, typography } from '../../themes/tokens';

const cell = { padding: '6px 12px', borderBottom: '1px solid var(--ip-outline-variant)', textAlign: 'left' } as const;

function ColorTable({ mode }: { mode: ColorMode }) {
  const scheme = colors[mode];
  const roles = Object.entries(scheme).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return (
    <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{mode} colour roles</caption>
      <thead>
        <tr>
          <th style={cell}>Swatch</th>
          <th style={cell}>Role</th>
          <th style={cell}>CSS variable</th>
          <th style={cell}>Value</th>
          <th style={cell}>Contrast on background</th>
        </tr>
      </thead>
      <tbody>
        {roles.map(([role, value]) => (
          <tr key={role}>
            <td style={cell}>
              <span
                aria-hidden
                style={{
                  display: 'inline-block',
                  width: 32,
                  height: 20,
                  borderRadius: 4,
                  background: value,
                  border: '1px solid var(--ip-outline)',
                }}
              />
            </td>
            <td style={cell}>{role}</td>
            <td style={cell}>
              <code>--ip-{kebab(role)}</code>
            </td>
            <td style={cell}>
              <code>{value}</code>
            </td>
            <td style={cell}>{contrastRatio(value, scheme.background, scheme.background).toFixed(2)}:1</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Palette({ mode }: { mode: ColorMode }) {
  return (
    <ul aria-label={`${mode} chart palette`} style={{ display: 'flex', gap: 8, listStyle: 'none', padding: 0 }}>
      {colors[mode].palette.map((color, i) => (
        <li key={color} style={{ textAlign: 'center', fontSize: 12 }}>
          <span
            aria-hidden
            style={{ display: 'block', width: 56, height: 40, borderRadius: 8, background: color, marginBottom: 4 }}
          />
          <code>
            --ip-chart-{i + 1}
            <br />
            {color}
          </code>
        </li>
      ))}
    </ul>
  );
}

/** Every colour and type token, read from themes/tokens.ts. */
export function TokenTables({ mode = 'light' }: { mode?: ColorMode }) {
  return (
    <div style={{ display: 'grid', gap: 24, fontFamily: 'var(--ip-font-sans)' }}>
      <section aria-labelledby={`palette-${mode}`}>
        <h2 id={`palette-${mode}`}>Chart palette</h2>
        <Palette mode={mode} />
      </section>
      <section aria-labelledby={`roles-${mode}`}>
        <h2 id={`roles-${mode}`}>Colour roles</h2>
        <ColorTable mode={mode} />
      </section>
      <section aria-labelledby={`type-${mode}`}>
        <h2 id={`type-${mode}`}>Typography</h2>
        <p>
          Font: <code>{typography.fontFamily.sans}</code>
        </p>
        {Object.entries(typography.fontSize).map(([name, size]) => (
          <p key={name} style={{ fontSize: size, margin: '4px 0' }}>
            <code>--ip-text-{name}</code> {size}px: Revenue grew 15% this month
          </p>
        ))}
        {Object.entries(typography.fontWeight).map(([name, weight]) => (
          <p key={name} style={{ fontWeight: weight, margin: '4px 0' }}>
            <code>--ip-font-weight-{name}</code> {weight}
          </p>
        ))}
      </section>
      <section aria-labelledby={`space-${mode}`}>
        <h2 id={`space-${mode}`}>Spacing and radii</h2>
        <p>
          Spacing (px):{' '}
          {Object.entries(spacing)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}
          . Radii (px):{' '}
          {Object.entries(radii)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}
          .
        </p>
      </section>
    </div>
  );
}
