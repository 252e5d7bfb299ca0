// Draws the console's app icons (PNG) for the web app manifest: a white shield with a check on
// the console's primary blue. Run once after changing the design: `tsx web/scripts/icons.ts`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BLUE = [0x1a, 0x56, 0xb0];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Inside the shield (unit square, centre-top origin) and on the check mark. */
function pixel(x: number, y: number, safe: number): number[] {
  // Maskable icons keep their drawing inside the central safe zone.
  const u = (x - 0.5) / safe + 0.5;
  const v = (y - 0.5) / safe + 0.5;
  const half = v < 0.55 ? 0.32 : 0.32 * Math.max(0, 1 - (v - 0.55) / 0.35);
  const inShield = v > 0.18 && v < 0.9 && Math.abs(u - 0.5) < half;
  const dist = (px: number, py: number, ax: number, ay: number, bx: number, by: number) => {
    const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
  };
  const onCheck = Math.min(dist(u, v, 0.36, 0.5, 0.46, 0.62), dist(u, v, 0.46, 0.62, 0.66, 0.38)) < 0.045;
  return inShield && !onCheck ? WHITE : BLUE;
}

function png(size: number, safe: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) Buffer.from(pixel((x + 0.5) / size, (y + 0.5) / size, safe)).copy(row, 1 + x * 3);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

const dir = new URL("../public/icons/", import.meta.url);
writeFileSync(new URL("icon-192.png", dir), png(192, 1));
writeFileSync(new URL("icon-512.png", dir), png(512, 1));
writeFileSync(new URL("maskable-512.png", dir), png(512, 0.8));
writeFileSync(new URL("apple-touch-icon.png", dir), png(180, 1));
