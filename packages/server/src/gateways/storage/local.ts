import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { assertKey, contentKey, type FileStore } from "./port.js";

/** Files under a local directory, fanned out as ab/cd/<sha256>; writes are atomic (rename). */
export function localFileStore(root: string): FileStore {
  const pathOf = (key: string) => join(root, key.slice(0, 2), key.slice(2, 4), key);
  return {
    kind: "local",
    async put(data) {
      const key = contentKey(data);
      const path = pathOf(key);
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (!exists) {
        await mkdir(join(root, key.slice(0, 2), key.slice(2, 4)), { recursive: true });
        const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
        await writeFile(tmp, data);
        await rename(tmp, path);
      }
      return { key, bytes: data.length };
    },
    async get(key) {
      assertKey(key);
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      assertKey(key);
      await rm(pathOf(key), { force: true });
    },
  };
}
