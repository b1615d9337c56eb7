// Draws Raccord's icons locally (no external asset): two linked rings on a blue square.
// Run: node pwa/scripts/make-icons.mjs — writes pwa/public/icon-{192,512}.png, icon-512-maskable.png, icon.svg.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const BLUE = [31, 78, 140];
const WHITE = [255, 255, 255];
const ORANGE = [244, 162, 97];

/** Coverage of the shape at (x, y) in a unit square: 0 background, 1 blue, 2 white ring, 3 orange ring. */
function shape(x, y, maskable) {
  const pad = maskable ? 0 : 0.04;
  const r = maskable ? 0 : 0.18;
  const inSquare = (() => {
    const lo = pad, hi = 1 - pad;
    if (x < lo || x > hi || y < lo || y > hi) return false;
    const cx = Math.min(Math.max(x, lo + r), hi - r), cy = Math.min(Math.max(y, lo + r), hi - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r + 1e-9;
  })();
  if (!inSquare) return 0;
  const scale = maskable ? 0.8 : 1;
  const u = 0.5 + (x - 0.5) / scale, v = 0.5 + (y - 0.5) / scale;
  const ring = (cx, cy) => { const d = Math.hypot(u - cx, v - cy); return d >= 0.15 && d <= 0.22; };
  if (ring(0.62, 0.5)) return 3;
  if (ring(0.38, 0.5)) return 2;
  return 1;
}

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, maskable) {
  const S = 4; // supersampling
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
        const s = shape((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size, maskable);
        if (!s) continue;
        const col = s === 1 ? BLUE : s === 2 ? WHITE : ORANGE;
        acc[0] += col[0]; acc[1] += col[1]; acc[2] += col[2]; acc[3] += 255;
      }
      const n = acc[3] / 255;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = n ? Math.round(acc[0] / n) : 0; raw[o + 1] = n ? Math.round(acc[1] / n) : 0; raw[o + 2] = n ? Math.round(acc[2] / n) : 0;
      raw[o + 3] = Math.round(acc[3] / (S * S));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4); ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync(join(out, 'icon-192.png'), png(192, false));
writeFileSync(join(out, 'icon-512.png'), png(512, false));
writeFileSync(join(out, 'icon-512-maskable.png'), png(512, true));
writeFileSync(join(out, 'apple-touch-icon.png'), png(180, true));
writeFileSync(join(out, 'icon.svg'), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect x="4" y="4" width="92" height="92" rx="18" fill="#1f4e8c"/>
<circle cx="38" cy="50" r="18.5" fill="none" stroke="#fff" stroke-width="7"/>
<circle cx="62" cy="50" r="18.5" fill="none" stroke="#f4a261" stroke-width="7"/>
</svg>
`);
console.log('icônes écrites dans', out);
