#!/usr/bin/env python3
"""
Draws the extension's icons (extension/public/icon/16.png … 128.png) from the app's logo
(pwa/public/icon.svg: a blue rounded square, a white ring and an orange ring), with Python's
standard library only (zlib + struct), so that no image tool is needed. Run it again after
changing the logo:  python3 extension/scripts/icons.py
"""
import math
import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 48, 128)
SUPERSAMPLE = 4  # sub-pixels per side, for smooth edges
OUT = Path(__file__).resolve().parent.parent / "public" / "icon"

# The logo, in the SVG's 100×100 viewBox (keep in step with pwa/public/icon.svg).
BACKGROUND = (0x1F, 0x4E, 0x8C)
RINGS = (((38.0, 50.0), (0xFF, 0xFF, 0xFF)), ((62.0, 50.0), (0xF4, 0xA2, 0x61)))  # later rings on top
RING_RADIUS, RING_WIDTH = 18.5, 7.0
SQUARE, CORNER = (4.0, 96.0), 18.0


def in_rounded_square(x: float, y: float) -> bool:
    lo, hi = SQUARE
    if not (lo <= x <= hi and lo <= y <= hi):
        return False
    cx = min(max(x, lo + CORNER), hi - CORNER)
    cy = min(max(y, lo + CORNER), hi - CORNER)
    return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER**2


def colour_at(x: float, y: float):
    """RGBA of one point of the logo (None outside it)."""
    if not in_rounded_square(x, y):
        return None
    colour = BACKGROUND
    for (cx, cy), ring in RINGS:
        if abs(math.hypot(x - cx, y - cy) - RING_RADIUS) <= RING_WIDTH / 2:
            colour = ring
    return colour


def render(size: int) -> bytes:
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 for the row
        for px in range(size):
            r = g = b = a = 0
            for sy in range(n):
                for sx in range(n):
                    c = colour_at((px + (sx + 0.5) / n) * 100 / size, (py + (sy + 0.5) / n) * 100 / size)
                    if c:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            # Colour averaged over the covered sub-pixels, alpha = coverage.
            row += bytes((r // a, g // a, b // a, round(255 * a / (n * n)))) if a else bytes(4)
        rows.append(bytes(row))
    return png(size, size, b"".join(rows))


def png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for s in SIZES:
        (OUT / f"{s}.png").write_bytes(render(s))
        print(f"{OUT / f'{s}.png'}")
