// Bundles the CLI and the benchmark into single ESM files for Node (fast start-up, no TS runtime).
import { build } from 'esbuild';
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', sourcemap: true, logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/raccord.mjs' });
await build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.mjs' });
await build({ ...common, entryPoints: ['bench/quality.ts'], outfile: 'dist/bench-quality.mjs' });
