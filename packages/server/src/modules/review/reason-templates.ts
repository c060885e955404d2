import { asc } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { returnReasonTemplates } from "../../db/schema.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { reviewPolicy } from "./policy.js";

/** The return reasons reviewers pick from; the defaults come with the database's migrations. */
export async function reasonTemplates(ctx: AppContext, actor: Actor) {
  authorize(actor, reviewPolicy.work, undefined);
  return ctx.db
    .select({ id: returnReasonTemplates.id, code: returnReasonTemplates.code, path: returnReasonTemplates.path, message: returnReasonTemplates.message })
    .from(returnReasonTemplates)
    .orderBy(asc(returnReasonTemplates.position), asc(returnReasonTemplates.code));
}
