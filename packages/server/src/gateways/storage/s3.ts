import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { assertKey, contentKey, type FileStore } from "./port.js";

export interface S3Settings {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Most S3-compatible servers (MinIO, Ceph, s3rver) want path-style URLs. */
  forcePathStyle: boolean;
}

/** Files in an S3-compatible bucket under files/<sha256>. */
export function s3FileStore(settings: S3Settings): FileStore {
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  const objectKey = (key: string) => `files/${key}`;
  return {
    kind: "s3",
    async put(data) {
      const key = contentKey(data);
      const exists = await client
        .send(new HeadObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }))
        .then(
          () => true,
          (error: unknown) => {
            if (error instanceof NotFound || (error as { name?: string }).name === "NotFound") return false;
            throw error;
          },
        );
      if (!exists) {
        await client.send(
          new PutObjectCommand({ Bucket: settings.bucket, Key: objectKey(key), Body: data, ContentLength: data.length }),
        );
      }
      return { key, bytes: data.length };
    },
    async get(key) {
      assertKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }));
        return Buffer.from(await res.Body!.transformToByteArray());
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async delete(key) {
      assertKey(key);
      // S3 answers a delete of a missing object with success too.
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: objectKey(key) }));
    },
  };
}
