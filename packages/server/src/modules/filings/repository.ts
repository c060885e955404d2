import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { filings, type FilingRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";

export async function findFiling(db: Db | Tx, id: string): Promise<FilingRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(filings).where(eq(filings.id, id)).limit(1);
  return row ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Applies a change to a filing only if nobody changed it since `expectedVersion` was read:
 * `UPDATE … WHERE id = $1 AND version = $2`; zero rows means someone else won (409).
 */
export async function updateFilingAtVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<FilingRow, "id" | "version" | "ownerId" | "subjectId" | "createdAt">>,
  now: Date,
): Promise<FilingRow> {
  const [row] = await tx
    .update(filings)
    .set({ ...changes, version: sql`${filings.version} + 1`, updatedAt: now })
    .where(and(eq(filings.id, id), eq(filings.version, expectedVersion)))
    .returning();
  if (!row) throw new AppError("FILING_VERSION_CONFLICT");
  return row;
}
