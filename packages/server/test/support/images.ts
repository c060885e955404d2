import { deflateSync } from "node:zlib";
import sharp from "sharp";

/** A phone-like photo: smooth gradients plus sensor-like noise, the hard case for JPEG. */
export async function phonePhoto(width = 4000, height = 3000, noise = 24): Promise<Buffer> {
  const channels = 3;
  const raw = Buffer.alloc(width * height * channels);
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const n = (rand() - 0.5) * noise;
      raw[i] = clamp((x / width) * 200 + 30 + n);
      raw[i + 1] = clamp((y / height) * 180 + 40 + n);
      raw[i + 2] = clamp(((x + y) / (width + height)) * 150 + 60 + n);
    }
  }
  return sharp(raw, { raw: { width, height, channels } }).jpeg({ quality: 92 }).toBuffer();
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/** A scanned document: white page, black text-like strokes. */
export async function scannedDocument(width = 2480, height = 3508): Promise<Buffer> {
  const lines = Array.from({ length: 60 }, (_, i) => `<rect x="200" y="${250 + i * 50}" width="${1200 + ((i * 37) % 800)}" height="14" fill="#222"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${lines.join("")}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export const solid = (width: number, height: number, format: "jpeg" | "png" = "jpeg") =>
  sharp({ create: { width, height, channels: 3, background: "#3366aa" } })[format]().toBuffer();

/** A PNG whose header claims huge dimensions: a decompression bomb in a few hundred bytes. */
export function pngBomb(width = 50_000, height = 50_000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(width + 1))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c;
}

/** The first bytes of an iPhone HEIC file (ISO BMFF ftyp box with brand heic). */
export const heicHeader = (): Buffer =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"), Buffer.alloc(64)]);
