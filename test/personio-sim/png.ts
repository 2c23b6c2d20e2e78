/**
 * A tiny PNG encoder (8-bit RGB, no interlace) and a deterministic avatar: a tinted square with
 * a mirrored 5×5 block pattern, the way identicons look. Only zlib's deflate comes from Node;
 * chunk framing and CRC-32 are done here.
 */
import { deflateSync } from 'node:zlib';

export const MIN_AVATAR_WIDTH = 16;
export const MAX_AVATAR_WIDTH = 512;
/** The "original size" served when no width is asked for. */
export const DEFAULT_AVATAR_WIDTH = 256;
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO-HDLC, the one PNG uses) over one or more buffers, as if concatenated. */
export function crc32(...buffers: Uint8Array[]): number {
  let crc = 0xffffffff;
  for (const buffer of buffers) {
    for (let i = 0; i < buffer.length; i += 1) crc = (CRC_TABLE[(crc ^ buffer[i]!) & 0xff]! ^ (crc >>> 8)) >>> 0;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(head.subarray(4), data), 0);
  return Buffer.concat([head, data, tail]);
}

/** Encodes `rgb` (width × height × 3 bytes, row by row) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  if (rgb.length !== width * height * 3) throw new RangeError('rgb must hold width × height × 3 bytes');
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour RGB
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  // Each scanline starts with its filter type; 0 = None.
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

export function clampAvatarWidth(width: number): number {
  if (!Number.isFinite(width)) return DEFAULT_AVATAR_WIDTH;
  return Math.min(MAX_AVATAR_WIDTH, Math.max(MIN_AVATAR_WIDTH, Math.round(width)));
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * A square avatar for `key` (e.g. the employee id) at `width` px (clamped to 16..512): a light
 * background and a mirrored 5×5 pattern in a colour derived from the key. Same key and width,
 * same bytes.
 */
export function renderAvatar(key: number, width: number): Buffer {
  const size = clampAvatarWidth(width);
  let h = (key ^ 0x9e3779b9) >>> 0;
  const next = () => {
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    return h;
  };
  const hue = next() % 360;
  const fg = hsl(hue, 0.55, 0.45);
  const bg = hsl(hue, 0.35, 0.92);
  // 5×5 cells, left three columns random, mirrored to the right.
  const cells: boolean[] = [];
  for (let row = 0; row < 5; row += 1) {
    const bits = next();
    for (let col = 0; col < 5; col += 1) cells.push(((bits >>> Math.min(col, 4 - col)) & 1) === 1);
  }
  const margin = Math.floor(size / 12);
  const inner = size - 2 * margin;
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y += 1) {
    const cy = Math.floor(((y - margin) * 5) / inner);
    for (let x = 0; x < size; x += 1) {
      const cx = Math.floor(((x - margin) * 5) / inner);
      const on = cy >= 0 && cy < 5 && cx >= 0 && cx < 5 && cells[cy * 5 + cx] === true;
      const [r, g, b] = on ? fg : bg;
      const i = (y * size + x) * 3;
      rgb[i] = r;
      rgb[i + 1] = g;
      rgb[i + 2] = b;
    }
  }
  return encodePng(size, size, rgb);
}
