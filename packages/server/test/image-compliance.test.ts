import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { IMAGE_LIMITS, ImageProblem, makeImageCompliant } from "../src/modules/materials/image-compliance.js";
import { heicHeader, phonePhoto, pngBomb, scannedDocument, solid } from "./support/images.js";

const meetsMat1 = (r: { width: number; height: number; bytes: number }) => {
  expect(r.bytes).toBeLessThanOrEqual(IMAGE_LIMITS.maxBytes);
  expect(Math.max(r.width, r.height)).toBeGreaterThanOrEqual(800);
  expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(600);
};

const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImageProblem) return e;
    throw e;
  }
  throw new Error("expected an ImageProblem");
};

describe("makeImageCompliant (R-MAT-1)", () => {
  it("turns a 12 MP noisy phone photo into ≤ 100 KB and ≥ 800×600, keeping the aspect", async () => {
    const input = await phonePhoto(4000, 3000, 40);
    expect(input.length).toBeGreaterThan(1_000_000);
    const r = await makeImageCompliant(input, "image/jpeg");
    meetsMat1(r);
    expect(r.width / r.height).toBeCloseTo(4 / 3, 1);
    expect(r.encodes).toBeLessThanOrEqual(24);
    expect(r.original).toMatchObject({ width: 4000, height: 3000, mime: "image/jpeg" });
    const out = await sharp(r.data).metadata();
    expect(out.format).toBe("jpeg");
  });

  it("keeps an A4 scan large and sharp (quality search before shrinking)", async () => {
    const r = await makeImageCompliant(await scannedDocument());
    meetsMat1(r);
    expect(r.height).toBe(1600);
    expect(r.quality).toBeGreaterThanOrEqual(60);
  });

  it("applies the EXIF orientation and strips all metadata", async () => {
    const rotated = await sharp(await solid(1600, 1200))
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: "secret-gps-owner" } } })
      .jpeg()
      .toBuffer();
    const r = await makeImageCompliant(rotated);
    expect([r.width, r.height]).toEqual([1200, 1600]);
    const meta = await sharp(r.data).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(r.data.includes(Buffer.from("secret-gps-owner"))).toBe(false);
  });

  it("flattens a transparent PNG onto white", async () => {
    const png = await sharp({ create: { width: 1000, height: 800, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const r = await makeImageCompliant(png, "image/png");
    const { data } = await sharp(r.data).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(240);
  });

  it.each([
    ["an empty file", async () => Buffer.alloc(0), undefined, "FILE_EMPTY"],
    ["a text file named .jpg", async () => Buffer.from("hello, I am not an image"), "image/jpeg", "FILE_TYPE_UNSUPPORTED"],
    ["a PDF", async () => Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), "image/jpeg", "FILE_TYPE_UNSUPPORTED"],
    ["an iPhone HEIC photo", async () => heicHeader(), "image/heic", "FILE_TYPE_HEIC"],
    ["PNG bytes declared as JPEG", async () => solid(1000, 800, "png"), "image/jpeg", "FILE_TYPE_MISMATCH"],
    ["a 50 000 × 50 000 PNG bomb", async () => pngBomb(), "image/png", "IMAGE_TOO_MANY_PIXELS"],
    ["a truncated JPEG", async () => (await phonePhoto(1200, 900)).subarray(0, 4000), "image/jpeg", "IMAGE_CORRUPT"],
    ["a 640×480 image", async () => solid(640, 480), "image/jpeg", "IMAGE_TOO_SMALL"],
  ])("refuses %s with a Chinese reason", async (_name, make, declared, code) => {
    const problem = await problemOf(makeImageCompliant(await make(), declared));
    expect(problem.code).toBe(code);
    expect(problem.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("accepts a portrait 600×800 scan as meeting 800×600", async () => {
    const r = await makeImageCompliant(await solid(600, 800));
    meetsMat1(r);
    expect([r.width, r.height]).toEqual([600, 800]);
  });
});
