import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/connection.js";
import { personalDataKeys } from "../../db/schema.js";
import { PersonalDataKeyError } from "./errors.js";
import { dataKeyring } from "./keyring.js";
import type { MasterKeys } from "./master-key.js";

/** Every process reloads the keys this often; a rotated key waits longer than that before use. */
export const KEY_REFRESH_MS = 30_000;
export const ROTATION_DELAY_MS = 2 * 60_000;
/** Arbitrary but fixed key of the advisory lock taken while the first keys are created. */
const KEY_CREATION_LOCK = 727_011;

type KeyRow = typeof personalDataKeys.$inferSelect;

/** A key wrapped by the master key; the row's id and kind are bound to it (AAD), so rows cannot be swapped. */
function wrap(kek: Buffer, id: string, kind: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", kek, iv).setAAD(Buffer.from(`${kind}:${id}`));
  return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]).toString("base64");
}

function unwrapWith(kek: Buffer, row: KeyRow): Buffer | undefined {
  const body = Buffer.from(row.wrapped, "base64");
  try {
    const decipher = createDecipheriv("aes-256-gcm", kek, body.subarray(0, 12)).setAAD(Buffer.from(`${row.kind}:${row.id}`));
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([decipher.update(body.subarray(12, body.length - 16)), decipher.final()]);
  } catch {
    return undefined;
  }
}

const newKeyId = () => randomBytes(8).toString("hex");

/**
 * The keys of one database, opened with the master key; lookups hash with its search key. Times
 * here are wall-clock times, not the injected Clock: they order keys across processes, and a
 * test's clock may stand years away from another's.
 */
export interface PersonalDataKeys {
  /** HMAC-SHA256 of a normalised value under the search key, per purpose: equal values meet, nothing else is revealed. */
  searchHash(purpose: "certificate" | "mobile", normalized: string): string;
  /** Loads keys other processes added (a rotation) and makes the newest active one current. */
  refresh(now: Date): Promise<void>;
  /** Adds a data key that becomes current after `delayMs` (every process has loaded it by then). */
  rotate(now: Date, delayMs?: number): Promise<string>;
}

/**
 * Opens the keys of a database at start (issue 11.4): unwraps every stored key with the master key
 * (a key that opens only with DATA_ENCRYPTION_KEY_PREVIOUS is re-wrapped with the new one), creates
 * the search key and the first data key when there are none, and registers the data keys in the
 * process keyring. A stored key the master key cannot open stops the start: it is the wrong key,
 * and nothing must be written with it.
 */
export async function openPersonalDataKeys(db: Db, master: MasterKeys, now: Date): Promise<PersonalDataKeys> {
  const open = async () => {
    const rows = await db.select().from(personalDataKeys);
    const opened: { row: KeyRow; key: Buffer }[] = [];
    for (const row of rows) {
      let key = unwrapWith(master.current, row);
      if (!key && master.previous) {
        key = unwrapWith(master.previous, row);
        if (key) await db.update(personalDataKeys).set({ wrapped: wrap(master.current, row.id, row.kind, key) }).where(eq(personalDataKeys.id, row.id));
      }
      if (!key) throw new PersonalDataKeyError("DATA_KEY_MISMATCH", `key ${row.id}`);
      opened.push({ row, key });
    }
    return opened;
  };
  const insert = (tx: Pick<Db, "insert">, kind: "data" | "search", id: string, key: Buffer, activeFrom: Date) =>
    tx.insert(personalDataKeys).values({ id, kind, wrapped: wrap(master.current, id, kind, key), activeFrom }).onConflictDoNothing();

  // First start: one process creates the keys, the others wait and read them.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${KEY_CREATION_LOCK})`);
    const kinds = new Set((await tx.select({ kind: personalDataKeys.kind }).from(personalDataKeys)).map((r) => r.kind));
    if (!kinds.has("search")) await insert(tx, "search", newKeyId(), randomBytes(32), now);
    if (!kinds.has("data") && !dataKeyring.current()) await insert(tx, "data", newKeyId(), randomBytes(32), now);
  });

  let searchKey: Buffer | undefined;
  const load = async (at: Date) => {
    const opened = (await open()).sort((a, b) => a.row.activeFrom.getTime() - b.row.activeFrom.getTime());
    for (const { row, key } of opened) {
      if (row.kind === "search") searchKey ??= key;
      else {
        dataKeyring.add({ id: row.id, key, activeFrom: row.activeFrom });
        dataKeyring.promote(dataKeyring.get(row.id)!, at);
      }
    }
    // Another system of this process (tests) may encrypt with a key this database lacks: keep a
    // wrapped copy here, so what it writes stays readable after a restart.
    const current = dataKeyring.current();
    if (current) await insert(db, "data", current.id, current.key, current.activeFrom);
  };
  await load(now);

  return {
    searchHash(purpose, normalized) {
      return createHmac("sha256", searchKey!).update(`${purpose}:${normalized}`).digest("hex").slice(0, 32);
    },
    refresh: load,
    async rotate(at, delayMs = ROTATION_DELAY_MS) {
      const id = newKeyId();
      await insert(db, "data", id, randomBytes(32), new Date(at.getTime() + delayMs));
      await load(at);
      return id;
    },
  };
}
