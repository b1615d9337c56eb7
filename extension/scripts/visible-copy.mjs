/**
 * After `wxt build`: copies the builds from the hidden .output/ folder to visible folders at the
 * repository's root, extension-chrome/ and extension-firefox/, that the browser's « Charger
 * l'extension non empaquetée » file picker shows without showing hidden folders. Replaced on
 * every build (git-ignored).
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
for (const [from, to] of [['chrome-mv3', 'extension-chrome'], ['firefox-mv3', 'extension-firefox']]) {
  const src = path.join(root, '.output', from);
  if (!fs.existsSync(path.join(src, 'manifest.json'))) throw new Error(`Construction absente : ${src}`);
  const dest = path.join(root, to);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(src, dest, { recursive: true });
  console.log(`${path.relative(root, src)} → ${to}/`);
}
