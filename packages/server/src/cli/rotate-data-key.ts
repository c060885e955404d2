// node packages/server/dist/cli/rotate-data-key.js [--reencrypt] — issue 11.4, see docs/operations.md.
// Without arguments: adds a data key that every running process starts encrypting with two
// minutes later (they reload keys every 30 s). With --reencrypt: writes every row that holds
// personal data again with the current data key, so older data keys no longer protect anything.
import pino from "pino";
import { systemClock } from "../clock.js";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/connection.js";
import { openPersonalDataKeys } from "../modules/personal-data/data-keys.js";
import { rewritePersonalData } from "../modules/personal-data/encrypt-plaintext-rows.js";
import { resolveMasterKeys } from "../modules/personal-data/master-key.js";

const config = loadConfig();
const log = pino();
const masterKeys = resolveMasterKeys(config, (message) => log.warn(message));
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const personalData = await openPersonalDataKeys(database.db, masterKeys, new Date());
  if (process.argv.includes("--reencrypt")) {
    await rewritePersonalData({ db: database.db, personalData, clock: systemClock });
    console.log("personal data encrypted again with the current data key");
  } else {
    const id = await personalData.rotate(new Date());
    console.log(`data key ${id} added; processes encrypt with it from two minutes from now`);
  }
} finally {
  await database.close();
}
