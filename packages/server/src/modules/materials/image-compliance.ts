import { fileTypeFromBuffer } from "file-type";
import sharp, { type Metadata, type OutputInfo } from "sharp";

/** R-MAT-1 / MAT-1: every stored image at least 800×600 pixels and at most 100 KB. */
export const IMAGE_LIMITS = {
  minLongSide: 800,
  minShortSide: 600,
  maxBytes: 100 * 1024,
  /** Refused before decoding: a 50 000 × 50 000 "image" is an attack, not a scan. */
  maxInputPixels: 60_000_000,
  maxUploadBytes: 20 * 1024 * 1024,
} as const;

/** The long side we start from: ample for legible text on an A4 scan at ≤ 100 KB. */
const START_LONG_SIDE = 1600;
const QUALITY_MIN = 35;
const QUALITY_MAX = 90;
/** Each shrink step keeps 85 % of the sides; bisection takes ≤ 6 encodes per size. */
const SHRINK = 0.85;
const MAX_ENCODES = 24;

export type ImageProblemCode =
  | "FILE_EMPTY"
  | "FILE_TOO_LARGE"
  | "FILE_TYPE_UNSUPPORTED"
  | "FILE_TYPE_HEIC"
  | "FILE_TYPE_MISMATCH"
  | "IMAGE_CORRUPT"
  | "IMAGE_TOO_MANY_PIXELS"
  | "IMAGE_TOO_SMALL"
  | "IMAGE_CANNOT_COMPRESS";

export class ImageProblem extends Error {
  constructor(
    readonly code: ImageProblemCode,
    readonly messageZh: string,
  ) {
    super(code);
  }
}

export interface CompliantImage {
  data: Buffer;
  mime: "image/jpeg";
  width: number;
  height: number;
  bytes: number;
  quality: number;
  encodes: number;
  original: { mime: string; width: number; height: number; bytes: number };
}

const ACCEPTED = new Map([
  ["image/jpeg", "JPEG"],
  ["image/png", "PNG"],
  ["image/webp", "WebP"],
  ["image/bmp", "BMP"],
  ["image/tiff", "TIFF"],
]);
const HEIC = new Set(["image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"]);

/**
 * Checks what a file really is from its bytes (not its name or declared type), before any
 * decoding: unknown or disguised content is refused with a sentence the applicant can act on.
 */
export async function sniffImage(data: Buffer, declaredMime?: string): Promise<string> {
  if (data.length === 0) throw new ImageProblem("FILE_EMPTY", "文件是空的，请重新选择文件上传。");
  if (data.length > IMAGE_LIMITS.maxUploadBytes) {
    throw new ImageProblem("FILE_TOO_LARGE", "文件超过 20 MB，请上传原始照片或扫描件（系统会自动压缩）。");
  }
  const detected = await fileTypeFromBuffer(data);
  if (detected && HEIC.has(detected.mime)) {
    throw new ImageProblem(
      "FILE_TYPE_HEIC",
      "暂不支持苹果手机的 HEIC 格式照片。请在手机“设置 → 相机 → 格式”中选择“兼容性最佳”后重新拍摄，或将照片转换为 JPG 后上传。",
    );
  }
  if (!detected || !ACCEPTED.has(detected.mime)) {
    throw new ImageProblem("FILE_TYPE_UNSUPPORTED", "文件不是支持的图片格式，请上传 JPG 或 PNG 格式的照片或扫描件。");
  }
  const declared = declaredMime?.toLowerCase().replace("image/jpg", "image/jpeg");
  if (declared && declared.startsWith("image/") && declared !== detected.mime && !HEIC.has(declared)) {
    throw new ImageProblem(
      "FILE_TYPE_MISMATCH",
      `文件内容是 ${ACCEPTED.get(detected.mime)} 图片，但文件类型标为 ${declared}，请用图片软件另存为 JPG 后重新上传。`,
    );
  }
  return detected.mime;
}

/**
 * Makes an upload comply with R-MAT-1 while keeping text legible: auto-rotate from EXIF, strip
 * metadata, flatten transparency onto white, fit the long side to 1600 px, then find the best
 * JPEG quality ≤ 100 KB by bisection; only if even the lowest quality is too big, shrink the
 * sides (never below 800×600) and search again. The work is bounded: ≤ 24 encodes.
 */
export async function makeImageCompliant(data: Buffer, declaredMime?: string): Promise<CompliantImage> {
  const mime = await sniffImage(data, declaredMime);
  const open = () =>
    sharp(data, { limitInputPixels: IMAGE_LIMITS.maxInputPixels, failOn: "error", sequentialRead: true });

  let meta: Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageProblem("IMAGE_CORRUPT", "图片文件已损坏或不完整，无法打开，请重新拍摄或扫描后上传。");
  }
  const rawWidth = meta.width ?? 0;
  const rawHeight = meta.height ?? 0;
  if (rawWidth * rawHeight > IMAGE_LIMITS.maxInputPixels) {
    throw new ImageProblem(
      "IMAGE_TOO_MANY_PIXELS",
      `图片尺寸过大（${rawWidth}×${rawHeight} 像素），请上传 6000 万像素以内的照片或扫描件。`,
    );
  }
  // EXIF orientations 5–8 swap width and height.
  const swapped = (meta.orientation ?? 1) >= 5;
  const width = swapped ? rawHeight : rawWidth;
  const height = swapped ? rawWidth : rawHeight;
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (long < IMAGE_LIMITS.minLongSide || short < IMAGE_LIMITS.minShortSide) {
    throw new ImageProblem(
      "IMAGE_TOO_SMALL",
      `图片只有 ${width}×${height} 像素，低于要求的 800×600 像素。请用手机或扫描仪重新拍摄清晰的原件后上传。`,
    );
  }

  // Decode, rotate and downsize once (JPEG shrink-on-load makes this cheap); every quality
  // trial then encodes the small raw bitmap instead of decoding the upload again.
  const startScale = Math.min(1, START_LONG_SIDE / long);
  let base: { data: Buffer; info: OutputInfo };
  try {
    base = await open()
      .rotate()
      .resize(Math.round(width * startScale), Math.round(height * startScale), { fit: "fill" })
      .flatten({ background: "#ffffff" })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new ImageProblem("IMAGE_CORRUPT", "图片文件已损坏或不完整，无法处理，请重新拍摄或扫描后上传。");
  }
  const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels as 3 };

  let scale = startScale;
  let encodes = 0;
  const encode = async (s: number, quality: number) => {
    encodes++;
    const w = Math.max(Math.round(width * s), width >= height ? IMAGE_LIMITS.minLongSide : IMAGE_LIMITS.minShortSide);
    const h = Math.max(Math.round(height * s), width >= height ? IMAGE_LIMITS.minShortSide : IMAGE_LIMITS.minLongSide);
    let pipeline = sharp(base.data, { raw });
    if (w !== raw.width || h !== raw.height) pipeline = pipeline.resize(w, h, { fit: "fill" });
    const { data: out, info } = await pipeline
      .jpeg({ quality, optimiseCoding: true, chromaSubsampling: "4:2:0" })
      .toBuffer({ resolveWithObject: true });
    return { out, width: info.width, height: info.height };
  };

  for (;;) {
    // Bisection over quality for this size: the best quality that fits.
    let lo = QUALITY_MIN;
    let hi = QUALITY_MAX;
    let best: { out: Buffer; width: number; height: number; quality: number } | null = null;
    const top = await encode(scale, hi);
    if (top.out.length <= IMAGE_LIMITS.maxBytes) best = { ...top, quality: hi };
    else {
      const bottom = await encode(scale, lo);
      if (bottom.out.length <= IMAGE_LIMITS.maxBytes) {
        best = { ...bottom, quality: lo };
        while (hi - lo > 4 && encodes < MAX_ENCODES) {
          const mid = Math.round((lo + hi) / 2);
          const attempt = await encode(scale, mid);
          if (attempt.out.length <= IMAGE_LIMITS.maxBytes) {
            best = { ...attempt, quality: mid };
            lo = mid;
          } else hi = mid;
        }
      }
    }
    if (best) {
      return {
        data: best.out,
        mime: "image/jpeg",
        width: best.width,
        height: best.height,
        bytes: best.out.length,
        quality: best.quality,
        encodes,
        original: { mime, width, height, bytes: data.length },
      };
    }
    const atMinimum =
      Math.round(long * scale) <= IMAGE_LIMITS.minLongSide || Math.round(short * scale) <= IMAGE_LIMITS.minShortSide;
    if (atMinimum || encodes >= MAX_ENCODES) {
      throw new ImageProblem(
        "IMAGE_CANNOT_COMPRESS",
        "这张图片细节过多，压缩到 100 KB 以内后无法保持清晰。请在光线充足处对着原件重新拍摄（避免噪点和杂乱背景）后上传。",
      );
    }
    scale = Math.max(scale * SHRINK, IMAGE_LIMITS.minLongSide / long, IMAGE_LIMITS.minShortSide / short);
  }
}
