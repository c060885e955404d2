import { and, eq, max } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { bureauExchanges } from "../../db/schema.js";
import type { SequenceStore } from "../../gateways/bureau/soap-client.js";

/**
 * The last dataSequence the bureau accepted, as recorded with each sent upload. Should the
 * process die between the bureau's answer and the record, the next upload meets code 14 and the
 * gateway resynchronises with isp_querypreviousupload.
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
  };
}
