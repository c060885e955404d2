/**
 * isp_download / isp_downloadack: the oldest unacknowledged result file is delivered again and
 * again until acknowledged (at-least-once; the provider applies results idempotently).
 */
import { and, asc, count, desc, eq, isNull } from "drizzle-orm";
import type { Sim } from "../context.js";
import { downloads, uploads } from "../db/schema.js";
import { MSG } from "../protocol/msg-codes.js";
import { packFile, type PackedFile } from "../protocol/payload.js";

export type DownloadReply = { code: typeof MSG.nothingToDownload } | { code: typeof MSG.allDownloaded | typeof MSG.moreToDownload; fileName: string; file: PackedFile };

export async function nextDownload(sim: Sim): Promise<DownloadReply> {
  const pending = and(eq(downloads.ispId, sim.config.isp.ispId), isNull(downloads.ackedAt));
  const [first] = await sim.db.select().from(downloads).where(pending).orderBy(asc(downloads.id)).limit(1);
  if (!first) return { code: MSG.nothingToDownload };
  const [{ n } = { n: 1 }] = await sim.db.select({ n: count() }).from(downloads).where(pending);
  const file = packFile(`${first.fileName}.xml`, first.xml, sim.config.encryptDownloads ? sim.config.aes : null);
  return { code: n > 1 ? MSG.moreToDownload : MSG.allDownloaded, fileName: first.fileName, file };
}

/** Acknowledging twice is harmless; an unknown name is refused. */
export async function acknowledgeDownload(sim: Sim, fileName: string | undefined): Promise<number> {
  const name = (fileName ?? "").trim().replace(/\.xml$/, "");
  if (!name) return MSG.emptyAckFileName;
  const [row] = await sim.db
    .select({ id: downloads.id, ackedAt: downloads.ackedAt })
    .from(downloads)
    .where(and(eq(downloads.ispId, sim.config.isp.ispId), eq(downloads.fileName, name)));
  if (!row) return MSG.other;
  if (!row.ackedAt) await sim.db.update(downloads).set({ ackedAt: sim.clock.now() }).where(eq(downloads.id, row.id));
  return MSG.ok;
}

/** isp_querypreviousupload: the last accepted sequence and file, so a provider can resynchronise. */
export async function previousUpload(sim: Sim): Promise<{ dataSequence: number; fileName: string }> {
  const [last] = await sim.db
    .select({ seq: uploads.dataSequence, fileName: uploads.fileName })
    .from(uploads)
    .where(eq(uploads.ispId, sim.config.isp.ispId))
    .orderBy(desc(uploads.dataSequence))
    .limit(1);
  return { dataSequence: last?.seq ?? 0, fileName: last?.fileName ?? "" };
}
