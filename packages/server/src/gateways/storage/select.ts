import { join } from "node:path";
import { localFileStore } from "./local.js";
import type { FileStore } from "./port.js";
import { s3FileStore } from "./s3.js";

/**
 * S3-compatible storage when S3_BUCKET is set (with S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID,
 * S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE); otherwise a local directory under DATA_DIR/files.
 */
export function fileStoreFromEnv(env: NodeJS.ProcessEnv, dataRoot: string): FileStore {
  if (!env.S3_BUCKET) return localFileStore(join(dataRoot, "files"));
  const missing = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((k) => !env[k]);
  if (missing.length) throw new Error(`S3_BUCKET is set but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not`);
  return s3FileStore({
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION ?? "us-east-1",
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE !== "false",
  });
}
