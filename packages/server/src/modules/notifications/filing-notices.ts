import { stageName, type Effect, type FilingStatus } from "@beian/rules";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import { users, type FilingRow } from "../../db/schema.js";
import { notify } from "./service.js";

/**
 * Turns a lifecycle "notify" effect into notices: to the applicant by email, SMS where the rules
 * ask for it, and the in-app inbox; to provider staff by email.
 */
export async function notifyFilingEvent(tx: Tx, ctx: AppContext, row: FilingRow, effect: Extract<Effect, { type: "notify" }>) {
  if (effect.to === "reviewers") return notifyReviewers(tx, ctx, row, effect);
  const [owner] = await tx.select({ id: users.id, email: users.email, mobile: users.mobile }).from(users).where(eq(users.id, row.ownerId));
  if (!owner) return;
  const subjectName = row.subjectName ?? "您";
  const eventKey = `filing:${row.id}:v${row.version}:${effect.template}`;
  const common = { eventKey, userId: owner.id, email: owner.email, mobile: effect.channels.includes("sms") ? owner.mobile : null, inbox: true };
  if (effect.template === "filing_submitted") {
    await notify(tx, ctx, { ...common, template: "filing.submitted", variables: { subjectName, filingId: row.id.slice(0, 8) } });
  } else if (effect.template === "returned_by_provider") {
    const reasons = (effect.data?.reasons as { message: string }[] | undefined)?.map((r, i) => `${i + 1}. ${r.message}`).join("\n") ?? "";
    await notify(tx, ctx, { ...common, template: "filing.returned", variables: { subjectName, reasons } });
  } else {
    await notify(tx, ctx, { ...common, template: "filing.status_changed", variables: { subjectName, stage: stageName(row.status as FilingStatus) } });
  }
}

async function notifyReviewers(tx: Tx, ctx: AppContext, row: FilingRow, effect: Extract<Effect, { type: "notify" }>) {
  const staff = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.role, ["reviewer", "admin"]), isNull(users.disabledAt)));
  for (const person of staff) {
    await notify(tx, ctx, {
      eventKey: `filing:${row.id}:v${row.version}:${effect.template}:staff`,
      template: "review.filing_changed",
      variables: { subjectName: row.subjectName ?? "（未填写）", stage: stageName(row.status as FilingStatus) },
      userId: person.id,
      email: person.email,
    });
  }
}
