#!/usr/bin/env node
// The CLI is bundled by `npm run build -w @raccord/core` (esbuild) into dist/raccord.mjs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const bundle = fileURLToPath(new URL('../dist/raccord.mjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error("Raccord n'est pas encore construit : lancez d'abord « npm run build -w @raccord/core » (ou « npm start »).");
  process.exit(2);
}
await import(bundle);
