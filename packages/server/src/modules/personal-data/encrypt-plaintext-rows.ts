import type { TFilingForm } from "@beian/contracts";
import { asc, eq, gt } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import { bureauExchanges, filings, notifications, personalDataSweeps, specialWebsites, subjects, users } from "../../db/schema.js";
import { searchColumns, subjectColumns } from "../filings/service.js";

const SWEEP = "encrypt-plaintext-11.4";
const BATCH = 500;

type SweepContext = Pick<AppContext, "db" | "personalData" | "clock">;

/**
 * Rows written before issue 11.4 hold certificate numbers and mobiles in clear. Reading such a row
 * gives the plain values back (a value without the `pd1.` prefix is taken as it is) and writing
 * it again encrypts them, so the sweep rewrites every row once. A finished sweep is recorded and
 * not run again.
 */
export async function encryptPlaintextRows(ctx: SweepContext): Promise<void> {
  const [done] = await ctx.db.select().from(personalDataSweeps).where(eq(personalDataSweeps.name, SWEEP));
  if (done) return;
  await rewritePersonalData(ctx);
  await ctx.db.insert(personalDataSweeps).values({ name: SWEEP, finishedAt: ctx.clock.now() }).onConflictDoNothing();
}

/**
 * Reads and writes back every row that holds personal data, batch by batch under FOR UPDATE (a
 * process serving meanwhile cannot lose a change): plaintext gets encrypted, and everything is
 * encrypted again with the current data key (how an old data key is retired). Running it twice
 * changes nothing but the ciphertexts.
 */
export async function rewritePersonalData(ctx: SweepContext): Promise<void> {
  const keys = ctx.personalData;
  await rewrite(ctx, users, users.id, async (tx, id) => {
    const [row] = await tx.select({ mobile: users.mobile }).from(users).where(eq(users.id, id)).for("update");
    if (row?.mobile) await tx.update(users).set({ mobile: row.mobile }).where(eq(users.id, id));
  });
  await rewrite(ctx, subjects, subjects.id, async (tx, id) => {
    const [row] = await tx.select({ data: subjects.data }).from(subjects).where(eq(subjects.id, id)).for("update");
    if (row) await tx.update(subjects).set(subjectColumns(row.data as NonNullable<TFilingForm["subject"]>, keys)).where(eq(subjects.id, id));
  });
  await rewrite(ctx, filings, filings.id, async (tx, id) => {
    const [row] = await tx.select({ form: filings.form, lifecycle: filings.lifecycle }).from(filings).where(eq(filings.id, id)).for("update");
    if (!row) return;
    const { certificateNumbers } = searchColumns(row.form as TFilingForm, keys);
    await tx.update(filings).set({ form: row.form, lifecycle: row.lifecycle, certificateNumbers }).where(eq(filings.id, id));
  });
  await rewrite(ctx, specialWebsites, specialWebsites.id, async (tx, id) => {
    const [row] = await tx
      .select({ holder: specialWebsites.holder, emergencyContact: specialWebsites.emergencyContact })
      .from(specialWebsites)
      .where(eq(specialWebsites.id, id))
      .for("update");
    if (row) await tx.update(specialWebsites).set(row).where(eq(specialWebsites.id, id));
  });
  await rewrite(ctx, notifications, notifications.id, async (tx, id) => {
    const [row] = await tx.select({ recipient: notifications.recipient }).from(notifications).where(eq(notifications.id, id)).for("update");
    if (row) await tx.update(notifications).set({ recipient: row.recipient }).where(eq(notifications.id, id));
  });
  await rewrite(ctx, bureauExchanges, bureauExchanges.id, async (tx, id) => {
    const [row] = await tx.select({ xml: bureauExchanges.xml }).from(bureauExchanges).where(eq(bureauExchanges.id, id)).for("update");
    if (row) await tx.update(bureauExchanges).set({ xml: row.xml }).where(eq(bureauExchanges.id, id));
  });
}

/** Walks a table by id in batches, one transaction per batch. */
async function rewrite(ctx: SweepContext, table: PgTable, idColumn: PgColumn, one: (tx: Tx, id: string) => Promise<void>) {
  let last: string | undefined;
  for (;;) {
    const ids = await ctx.db
      .select({ id: idColumn })
      .from(table)
      .where(last === undefined ? undefined : gt(idColumn, last))
      .orderBy(asc(idColumn))
      .limit(BATCH);
    if (ids.length === 0) return;
    await ctx.db.transaction(async (tx) => {
      for (const { id } of ids) await one(tx, id as string);
    });
    last = ids[ids.length - 1]!.id as string;
  }
}
