import { createHash } from "node:crypto";
import { asc, desc, gt, isNotNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/connection.js";
import { auditLog } from "../../db/schema.js";

/** The content an entry's hash covers: everything but its id and the hashes themselves. */
export interface ChainedContent {
  at: Date;
  actorId: string | null;
  actorRole: string;
  entityType: string;
  entityId: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  data: unknown;
}

/** JSON with object keys sorted at every depth: jsonb stores keys in its own order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

export function entryHash(prevHash: string, e: ChainedContent): string {
  // Named field by field: a row read back carries its id and hashes too, which are not content.
  const content = canonical({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    entityType: e.entityType,
    entityId: e.entityId,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    reason: e.reason,
    data: e.data,
  });
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}

/** The chain starts from this value. */
export const GENESIS = "0".repeat(64);

// Any constant: the key of the advisory lock that orders audit appends.
const CHAIN_LOCK = 7_410_204;

/**
 * The previous entry's hash, with appends serialised until the caller's transaction ends: two
 * transactions appending at once would otherwise both chain onto the same entry.
 */
export async function chainHead(tx: Tx): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.hash)).orderBy(desc(auditLog.id)).limit(1);
  return last?.hash ?? GENESIS;
}

export interface ChainReport {
  checked: number;
  /** The first entry whose hash does not follow from its predecessor and content, if any. */
  brokenAt: number | null;
  reason: string | null;
}

/** Walks the whole chain in id order, in pages, recomputing every hash. */
export async function verifyAuditChain(db: Db, pageSize = 5_000): Promise<ChainReport> {
  let prev = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (rows.length === 0) return { checked, brokenAt: null, reason: null };
    for (const row of rows) {
      lastId = row.id;
      if (row.hash === null) {
        // Written before the chain existed; a gap after the chain started is tampering.
        if (prev !== GENESIS) return { checked, brokenAt: row.id, reason: "entry without a hash inside the chain" };
        continue;
      }
      if (row.prevHash !== prev) return { checked, brokenAt: row.id, reason: "does not follow the previous entry (removed or inserted rows)" };
      if (entryHash(prev, row) !== row.hash) return { checked, brokenAt: row.id, reason: "content changed after it was written" };
      prev = row.hash;
      checked++;
    }
  }
}
