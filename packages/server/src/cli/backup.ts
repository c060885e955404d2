// npm run backup [-- <directory>] — backs up the database (DATABASE_URL, or the embedded one under
// DATA_DIR: stop the server first) and the local file store into a new directory (#11.6).
import { join, resolve } from "node:path";
import { backupTo } from "../backup/backup.js";
import { loadConfig } from "../config.js";

const config = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const dir = resolve(process.argv[2] ?? join("backups", `beian-${stamp}`));
const manifest = await backupTo(dir, {
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  filesDir: process.env.S3_BUCKET ? null : join(config.dataRoot, "files"),
});
const files = "copied" in manifest.files ? `${manifest.files.copied} files` : "files in S3 not included (back the bucket up on its own)";
console.log(`backup written to ${dir}: ${manifest.database} database (${manifest.databaseFile}), ${files}`);
console.log("The master key DATA_ENCRYPTION_KEY is not in the backup: keep it safe elsewhere, a restore needs it.");
