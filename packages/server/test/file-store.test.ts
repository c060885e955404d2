import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localFileStore } from "../src/gateways/storage/local.js";
import { contentKey, type FileStore } from "../src/gateways/storage/port.js";
import { s3FileStore } from "../src/gateways/storage/s3.js";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "beian-files-"));
  dirs.push(d);
  return d;
};

// A real S3-compatible server on loopback, not a mock.
let s3server: S3rver;
let s3port = 0;
beforeAll(async () => {
  s3server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: tempDir(), configureBuckets: [{ name: "beian", configs: [] }] });
  const { port } = await s3server.run();
  s3port = port;
});
afterAll(async () => {
  await s3server.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const stores: [string, () => FileStore][] = [
  ["local directory", () => localFileStore(tempDir())],
  [
    "S3-compatible bucket",
    () =>
      s3FileStore({
        endpoint: `http://127.0.0.1:${s3port}`,
        region: "us-east-1",
        bucket: "beian",
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        forcePathStyle: true,
      }),
  ],
];

describe.each(stores)("content-addressed file store: %s", (_name, make) => {
  it("stores by sha256 and returns the same bytes", async () => {
    const store = make();
    const data = Buffer.from("营业执照扫描件 " + Math.random());
    const { key, bytes } = await store.put(data);
    expect(key).toBe(contentKey(data));
    expect(bytes).toBe(data.length);
    expect((await store.get(key))?.equals(data)).toBe(true);
  });

  it("keeps one copy of the same content", async () => {
    const store = make();
    const data = Buffer.alloc(2048, 7);
    const a = await store.put(data);
    const b = await store.put(Buffer.from(data));
    expect(a.key).toBe(b.key);
  });

  it("answers null for an unknown key and refuses a malformed one", async () => {
    const store = make();
    expect(await store.get("0".repeat(64))).toBeNull();
    await expect(store.get("../../etc/passwd")).rejects.toThrow();
  });
});
