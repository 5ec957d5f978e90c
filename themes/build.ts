/** `npm run build:themes`: writes every artefact generated from themes/tokens.ts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateThemeFiles } from './generate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const [path, content] of Object.entries(generateThemeFiles())) {
  const target = resolve(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  console.log(`wrote ${path}`);
}
