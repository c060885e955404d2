// npm run restore -- <directory> — restores a backup made by `npm run backup` into the database
// named by DATABASE_URL (an empty one, created beforehand) or into an empty DATA_DIR, and the
// files into DATA_DIR/files (#11.6). Then start the server on it as usual.
import { join, resolve } from "node:path";
import { restoreFrom } from "../backup/backup.js";
import { loadConfig } from "../config.js";

const from = process.argv[2];
if (!from) {
  console.error("usage: npm run restore -- <backup directory>");
  process.exit(2);
}
const config = loadConfig();
const manifest = await restoreFrom(resolve(from), {
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  filesDir: process.env.S3_BUCKET ? null : join(config.dataRoot, "files"),
});
console.log(`restored the ${manifest.database} backup of ${manifest.createdAt}; check it with npm run audit:verify`);
