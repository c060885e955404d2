// npm run audit:verify — recomputes the audit log's hash chain (issue 11) on the configured
// database (DATABASE_URL, or the embedded one under DATA_DIR) and exits 1 if any entry was changed,
// removed or inserted after the fact.
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/connection.js";
import { verifyAuditChain } from "../modules/audit/chain.js";

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const report = await verifyAuditChain(database.db);
  if (report.brokenAt === null) {
    console.log(`audit chain intact: ${report.checked} entries verified`);
  } else {
    console.error(`audit chain BROKEN at entry ${report.brokenAt}: ${report.reason} (${report.checked} entries verified before it)`);
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
