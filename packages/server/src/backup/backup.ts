import { execFile } from "node:child_process";
import { cp, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";

const run = promisify(execFile);

/**
 * Backup and restore (#11.6): the database and the file store, into one directory.
 *
 * - PostgreSQL: `pg_dump --format=custom`, a consistent snapshot taken while the server runs;
 *   restored with `pg_restore` into an empty database.
 * - Embedded PGlite: PGlite's own `dumpDataDir` (a gzipped tar of the data directory), restored
 *   with `loadDataDir` into an empty directory. PGlite is one process: stop the server first.
 * - Files: the local store's directory is copied (after the database: files are content-addressed
 *   and only ever added, so every file a dumped row names is already there). An S3 bucket is
 *   backed up by the bucket's own versioning or replication.
 *
 * The personal-data master key (DATA_ENCRYPTION_KEY) is not in the backup, by design: keep it
 * apart from the data it protects, and restore with the same key.
 */
export interface BackupLocation {
  /** PostgreSQL URL; when absent the embedded database in `dataDir` is meant. */
  databaseUrl?: string | undefined;
  dataDir?: string | null;
  /** The local file store's directory (DATA_DIR/files); null when files live in S3. */
  filesDir: string | null;
}

export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: "postgres" | "pglite";
  /** The database part, relative to the backup directory. */
  databaseFile: string;
  files: { copied: number } | { skipped: "s3" };
}

const MANIFEST = "manifest.json";

export async function backupTo(dir: string, from: BackupLocation, now = new Date()): Promise<BackupManifest> {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) throw new Error(`backup directory ${dir} is not empty`);
  let database: BackupManifest["database"];
  let databaseFile: string;
  if (from.databaseUrl) {
    database = "postgres";
    databaseFile = "database.dump";
    await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${join(dir, databaseFile)}`, from.databaseUrl]);
  } else {
    if (!from.dataDir) throw new Error("no database to back up: set DATABASE_URL or DATA_DIR");
    database = "pglite";
    databaseFile = "server-db.tar.gz";
    const pg = await PGlite.create(from.dataDir);
    try {
      const dump = await pg.dumpDataDir("gzip");
      await writeFile(join(dir, databaseFile), Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pg.close();
    }
  }
  let files: BackupManifest["files"] = { skipped: "s3" };
  if (from.filesDir) {
    await cp(from.filesDir, join(dir, "files"), { recursive: true, errorOnExist: true, force: false }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    files = { copied: await countFiles(join(dir, "files")) };
  }
  const manifest: BackupManifest = { format: 1, createdAt: now.toISOString(), database, databaseFile, files };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Restores a backup into an empty database (created beforehand on PostgreSQL) and file directory. */
export async function restoreFrom(dir: string, to: BackupLocation): Promise<BackupManifest> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST), "utf8")) as BackupManifest;
  if (manifest.database === "postgres") {
    if (!to.databaseUrl) throw new Error("this backup is of PostgreSQL: set DATABASE_URL to an empty database");
    await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${to.databaseUrl}`, join(dir, manifest.databaseFile)]);
  } else {
    if (!to.dataDir) throw new Error("this backup is of the embedded database: set DATA_DIR");
    if (await hasEntries(to.dataDir)) throw new Error(`${to.dataDir} is not empty: restore into a fresh directory`);
    await mkdir(to.dataDir, { recursive: true });
    const tarball = await readFile(join(dir, manifest.databaseFile));
    const pg = await PGlite.create(to.dataDir, { loadDataDir: new Blob([tarball]) });
    await pg.close();
  }
  if (to.filesDir && "copied" in manifest.files && (await hasEntries(join(dir, "files")))) {
    await cp(join(dir, "files"), to.filesDir, { recursive: true, force: false });
  }
  return manifest;
}

async function hasEntries(path: string): Promise<boolean> {
  return readdir(path).then(
    (entries) => entries.length > 0,
    () => false,
  );
}

async function countFiles(path: string): Promise<number> {
  const entries = await readdir(path, { recursive: true }).catch(() => [] as string[]);
  let n = 0;
  for (const entry of entries) if ((await stat(join(path, entry))).isFile()) n++;
  return n;
}
