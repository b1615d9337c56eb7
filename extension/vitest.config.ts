import { defineProject } from 'vitest/config';
import { prepare } from 'wxt';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// A fresh clone has no .wxt/ yet (extension/tsconfig.json extends it): generate it, offline.
if (!fs.existsSync(path.join(root, '.wxt/tsconfig.json'))) await prepare({ root });

// The extension's unit tests: WXT's fake browser (in-memory storage, runtime…) and happy-dom,
// against the replica pages of test/portals/.
export default defineProject({
  plugins: [WxtVitest({ root })],
  test: {
    name: 'extension',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    root: path.resolve(import.meta.dirname),
  },
});
