import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import path from 'node:path';

// The extension's unit tests: WXT's fake browser (in-memory storage, runtime…) and happy-dom,
// against the replica pages of test/portals/.
export default defineProject({
  plugins: [WxtVitest({ root: path.resolve(import.meta.dirname, '..') })],
  test: {
    name: 'extension',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    root: path.resolve(import.meta.dirname),
  },
});
