import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'pwa',
    environment: 'happy-dom',
    setupFiles: ['./test/setup.ts'],
    include: ['test/**/*.test.{ts,tsx}'],
  },
});
