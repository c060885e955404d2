import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { specialWebsites, type SpecialWebsiteRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findSpecialWebsite(db: Db | Tx, id: string): Promise<SpecialWebsiteRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(specialWebsites).where(eq(specialWebsites.id, id)).limit(1);
  return row ?? null;
}

/** `UPDATE … WHERE id = $1 AND version = $2`: zero rows means someone changed it since it was read (409). */
export async function updateSpecialWebsiteAtVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<SpecialWebsiteRow, "id" | "version" | "ownerId" | "createdAt">>,
  now: Date,
): Promise<SpecialWebsiteRow> {
  const [row] = await tx
    .update(specialWebsites)
    .set({ ...changes, version: sql`${specialWebsites.version} + 1`, updatedAt: now })
    .where(and(eq(specialWebsites.id, id), eq(specialWebsites.version, expectedVersion)))
    .returning();
  if (!row) throw new AppError("SPECIAL_WEBSITE_VERSION_CONFLICT");
  return row;
}

