import { and, eq, max } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { bureauExchanges, filings } from "../../db/schema.js";
import type { SequenceStore } from "../../gateways/bureau/soap-client.js";

/**
 * The last dataSequence the bureau accepted, as recorded with each sent upload. Should the
 * process die between the bureau's answer and the record, the next upload meets code 14 and the
 * gateway resynchronises with isp_querypreviousupload, whose file this store then records.
 */
export function lastUploadSequence(db: Db): SequenceStore {
  return {
    async load() {
      const [row] = await db
        .select({ last: max(bureauExchanges.dataSequence) })
        .from(bureauExchanges)
        .where(and(eq(bureauExchanges.direction, "upload"), eq(bureauExchanges.status, "sent")));
      return row?.last ?? null;
    },
    // Saved with the exchange record by the upload job.
    async save() {},
    // A file of ours the bureau accepted without our record of it: the process died between the
    // answer and the record. Recorded as sent, so the upload job's retry finds its work done
    // instead of sending the filing a second time under a new sequence number.
    async adopt({ dataSequence, fileName }) {
      const name = fileName.replace(/\.xml$/i, "");
      const [, messageType, hex = ""] = OUR_FILE_NAME.exec(name) ?? [];
      if (!messageType) return;
      const filingId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      const [known] = await db
        .select({ id: bureauExchanges.id })
        .from(bureauExchanges)
        .where(and(eq(bureauExchanges.direction, "upload"), eq(bureauExchanges.fileName, name), eq(bureauExchanges.status, "sent")))
        .limit(1);
      if (known) return;
      const [filing] = await db.select({ id: filings.id }).from(filings).where(eq(filings.id, filingId)).limit(1);
      if (!filing) return;
      await db.insert(bureauExchanges).values({
        direction: "upload",
        fileName: name,
        filingId,
        messageType,
        dataSequence,
        status: "sent",
        detail: "accepted by the bureau, answer lost: recorded from isp_querypreviousupload",
        xml: "",
      });
    },
  };
}

/** filingToXml's names: message type, the filing id without dashes, the submission time. */
const OUR_FILE_NAME = /^(XZBA|XZWZ|XZJR|BGBA|ZXBA)([0-9a-f]{32})\d+$/;
