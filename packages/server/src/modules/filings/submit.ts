import {
  checkMaterials,
  normalizeMobile,
  requiredMaterials,
  type FilingInput,
  type MaterialKind,
  type RequiredMaterial,
} from "@beian/rules";
import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { AppContext } from "../../context.js";
import { materials, subjects, type FilingRow } from "../../db/schema.js";
import { authorize } from "../../policies/policy.js";
import type { Actor } from "../accounts/actor.js";
import { policiesInForce } from "../provinces/policies.js";
import { applyFilingEvent, filingInput } from "./lifecycle.js";
import { filingPolicy } from "./policy.js";
import { readableFiling } from "./service.js";
import { mobileSearchHash } from "../personal-data/search-hash.js";

/**
 * Materials that belong to the verification stage, not to submission: the curtain photo is taken
 * after the initial review (R-REV-2) and the 核验单 is printed after submission (R-DOC-1).
 */
const AFTER_SUBMISSION = new Set<MaterialKind>(["verification_photo", "verification_form"]);

async function presentMaterials(ctx: AppContext, filingId: string) {
  const rows = await ctx.db
    .select({ kind: materials.kind, path: materials.path })
    .from(materials)
    .where(and(eq(materials.filingId, filingId), isNull(materials.replacedAt)));
  return rows.map((r) => ({ kind: r.kind, ...(r.path ? { path: r.path } : {}) }));
}

/** GET /checklist: what the filing needs (requiredMaterials) and which of it is uploaded. */
export async function filingChecklist(ctx: AppContext, actor: Actor, id: string) {
  const row = await readableFiling(ctx, actor, id);
  const required = requiredMaterials(filingInput(row), await policiesInForce(ctx), { now: ctx.clock.now() });
  const present = await presentMaterials(ctx, row.id);
  return {
    items: required.map((r: RequiredMaterial) => ({
      ...r,
      path: r.path ?? null,
      stage: AFTER_SUBMISSION.has(r.kind) ? ("verification" as const) : ("submission" as const),
      present: checkMaterials([r], present).length === 0,
    })),
  };
}

/**
 * Submits a draft or returned filing (R-REV-1): the pre-review and the materials check run;
 * errors block with findings that name their fields; warnings travel on to the reviewer.
 */
export async function submitFiling(ctx: AppContext, actor: Actor, id: string, expectedVersion: number): Promise<FilingRow> {
  const row = await readableFiling(ctx, actor, id);
  authorize(actor, filingPolicy.edit, row);
  const input = filingInput(row);
  const needed = requiredMaterials(input, await policiesInForce(ctx), { now: ctx.clock.now() }).filter((m) => !AFTER_SUBMISSION.has(m.kind));
  const materialFindings = checkMaterials(needed, await presentMaterials(ctx, row.id));
  const mobilesOfOtherSubjects = await mobilesHeldElsewhere(ctx, row.subjectId, input);
  return applyFilingEvent(ctx, actor, row, expectedVersion, { type: "submit" }, {
    extraFindings: materialFindings,
    preReview: { mobilesOfOtherSubjects, otherOpenApplications: 0, existingWebsiteCount: 0 },
  });
}

/**
 * SUB-6: a mobile belongs to one subject only. Looks up just this filing's mobiles among the other
 * subjects' principals, comparing the last eleven digits so "+86 138…" and "138…" meet.
 */
async function mobilesHeldElsewhere(ctx: AppContext, subjectId: string, input: FilingInput): Promise<string[]> {
  const own = new Map<string, string>();
  for (const mobile of [input.subject?.principal?.mobile, ...(input.websites ?? []).map((w) => w?.principal?.mobile)]) {
    const normalized = normalizeMobile(typeof mobile === "string" ? mobile : "");
    const hash = /^1\d{10}$/.test(normalized) ? mobileSearchHash(ctx.personalData, normalized) : null;
    if (hash) own.set(hash, normalized);
  }
  if (own.size === 0) return [];
  // Mobiles are encrypted (issue 11.4): the subjects' keyed hashes are compared instead.
  const rows = await ctx.db
    .select({ hash: subjects.principalMobileHash })
    .from(subjects)
    .where(and(ne(subjects.id, subjectId), inArray(subjects.principalMobileHash, [...own.keys()])));
  return rows.map((r) => own.get(r.hash!)!);
}
