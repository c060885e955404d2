import { randomBytes } from "node:crypto";
import type { SimTx } from "../context.js";
import { downloads } from "../db/schema.js";
import { buildResultXml, shanghaiTime, type ResultEntry } from "../xml/result-xml.js";

/** Puts a result file in the provider's download queue (delivered until isp_downloadack). */
export async function queueResult(tx: SimTx, ispId: string, now: Date, entries: ResultEntry[]): Promise<string> {
  // Letters and digits only, like every file name of the interface.
  const fileName = `BAJG${shanghaiTime(now).replace(/\D/g, "")}${randomBytes(4).toString("hex").toUpperCase()}`;
  await tx.insert(downloads).values({ ispId, fileName, xml: buildResultXml(entries), createdAt: now });
  return fileName;
}
