import { auditLog } from "../../db/schema.js";
import type { Tx } from "../../db/connection.js";
import type { Clock } from "../../clock.js";
import type { Actor } from "../accounts/actor.js";
import { maskPersonalData } from "../../logging/mask.js";
import { chainHead, entryHash, type ChainedContent } from "./chain.js";

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends one audit row inside the caller's transaction (R-ST-2: who, when, from, to, why):
 * if the change rolls back, so does its record. Personal data in `data` is masked.
 */
export async function audit(tx: Tx, clock: Clock, actor: Actor, entry: AuditEntry): Promise<void> {
  const content: ChainedContent = {
    at: clock.now(),
    actorId: actor.kind === "user" ? actor.user.id : null,
    actorRole: actor.kind === "user" ? actor.user.role : actor.kind,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    fromState: entry.fromState ?? null,
    toState: entry.toState ?? null,
    reason: entry.reason ?? null,
    // Through JSON once, so the hash covers what jsonb will give back (no undefined, no Dates).
    data: JSON.parse(JSON.stringify(maskPersonalData(entry.data ?? {}))) as Record<string, unknown>,
  };
  const prevHash = await chainHead(tx);
  await tx.insert(auditLog).values({ ...content, data: content.data, prevHash, hash: entryHash(prevHash, content) });
}
