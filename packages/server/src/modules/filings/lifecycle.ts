import type { TFilingForm } from "@beian/contracts";
import {
  stageName,
  transition,
  type Effect,
  type FilingEvent,
  type FilingInput,
  type FilingStatus,
  type Finding,
  type LifecycleState,
  type Role,
} from "@beian/rules";
import type { AppContext } from "../../context.js";
import type { Tx } from "../../db/connection.js";
import type { FilingRow } from "../../db/schema.js";
import { AppError } from "../../errors.js";
import type { Actor } from "../accounts/actor.js";
import { audit } from "../audit/audit.js";
import { notifyFilingEvent } from "../notifications/filing-notices.js";
import { policiesInForce } from "../provinces/policies.js";
import { FILING_TIMER } from "./timer-job.js";
import { BUREAU_UPLOAD, type BureauUploadJob } from "../bureau/jobs.js";
import { updateFilingAtVersion } from "./repository.js";

export const filingInput = (row: FilingRow): FilingInput => ({ ...(row.form as TFilingForm), type: row.type } as FilingInput);

const roleOf = (actor: Actor): Role =>
  actor.kind === "user" ? (actor.user.role === "applicant" ? "applicant" : "reviewer") : actor.kind === "bureau" ? "bureau" : "system";

/** Findings of severity "error" as the problem's per-field errors. */
export const blocking = (findings: readonly Finding[]) =>
  findings.filter((f) => f.severity === "error").map((f) => ({ path: f.path, code: f.code, message: f.message }));

export interface TransitionOptions {
  /** More findings to block on or record, e.g. the materials check on submit. */
  extraFindings?: Finding[];
  preReview?: Parameters<typeof transition>[2]["preReview"];
  reason?: string;
  /** Run inside the caller's transaction (e.g. with the upload that caused the event). */
  tx?: Tx;
  /** More lifecycle fields to write with the change (verification records …). */
  lifecycle?: Record<string, unknown>;
}

/**
 * Applies one lifecycle event: the pure transition decides, then one transaction writes the new
 * state at the expected version, the audit entry (who, when, from, to, why, R-ST-2) and the
 * effects — notices and timers — through the outbox. Guards that fail answer 422 with the
 * findings, each naming its field.
 */
export async function applyFilingEvent(
  ctx: AppContext,
  actor: Actor,
  row: FilingRow,
  expectedVersion: number,
  event: FilingEvent,
  options: TransitionOptions = {},
): Promise<FilingRow> {
  if (row.version !== expectedVersion) throw new AppError("FILING_VERSION_CONFLICT");
  const now = ctx.clock.now();
  const lifecycle = row.lifecycle as Partial<LifecycleState>;
  const result = transition(
    { ...lifecycle, status: row.status as FilingStatus, input: filingInput(row) },
    event,
    { now, role: roleOf(actor), policies: await policiesInForce(ctx, options.tx), ...(options.preReview ? { preReview: options.preReview } : {}) },
  );
  const extra = options.extraFindings ?? [];
  if (!result.ok || blocking(extra).length > 0) {
    const findings = [...(result.ok ? result.findings : result.findings), ...extra];
    const errors = blocking(findings);
    if (errors.length === 0) throw new AppError("FILING_NOT_EDITABLE", findings[0]?.message);
    throw new AppError("FILING_HAS_ERRORS", undefined, errors, 422);
  }
  const from = row.status;
  const write = async (tx: Tx) => {
    const updated = await updateFilingAtVersion(
      tx,
      row.id,
      expectedVersion,
      {
        status: result.next,
        lifecycle: { ...lifecycle, ...options.lifecycle, ...result.updates, lastActivityAt: now.toISOString() },
        ...reviewDeadline(result.effects),
        ...(event.type === "submit" ? { findings: [...result.findings, ...extra], submittedAt: now } : {}),
      },
      now,
    );
    await audit(tx, ctx.clock, actor, {
      entityType: "filing",
      entityId: row.id,
      action: `filing.${event.type}`,
      fromState: from,
      toState: result.next,
      reason: options.reason ?? reasonOf(event),
      data: { stage: stageName(result.next) },
    });
    await runEffects(tx, ctx, updated, result.effects);
    return updated;
  };
  return options.tx ? write(options.tx) : ctx.db.transaction(write);
}

/** Jobs whose deadline is the reviewer's (R-REV-3): the queue shows and sorts by it. */
const REVIEW_JOBS = new Set(["initial_review_due", "photo_review_due"]);

/** The queue's deadline column follows the review timers: set when one is scheduled, cleared when cancelled. */
function reviewDeadline(effects: readonly Effect[]): { reviewDueAt?: Date | null } {
  const scheduled = effects.find((e) => e.type === "schedule" && REVIEW_JOBS.has(e.job));
  if (scheduled?.type === "schedule") return { reviewDueAt: new Date(scheduled.at) };
  if (effects.some((e) => e.type === "cancel" && REVIEW_JOBS.has(e.job))) return { reviewDueAt: null };
  return {};
}

function reasonOf(event: FilingEvent): string | null {
  if ("reasons" in event) return event.reasons.map((r) => r.message.replace(/[。；;.\s]+$/u, "")).join("；") + "。";
  if ("reason" in event) return event.reason;
  return null;
}

/** Effects are enqueued in the caller's transaction: they happen exactly when the change does. */
async function runEffects(tx: Tx, ctx: AppContext, row: FilingRow, effects: readonly Effect[]): Promise<void> {
  for (const effect of effects) {
    if (effect.type === "notify") await notifyFilingEvent(tx, ctx, row, effect);
    else if (effect.type === "schedule") {
      await ctx.jobs.send(
        FILING_TIMER,
        { filingId: row.id, job: effect.job, version: row.version },
        { tx, startAfter: new Date(effect.at), singletonKey: `${row.id}:${effect.job}:${row.version}` },
      );
    }
    else if (effect.type === "bureau_upload") {
      // Uploaded by a durable job after this transaction commits; retried while the bureau is away.
      await ctx.jobs.send(BUREAU_UPLOAD, { filingId: row.id, requestedAt: ctx.clock.now().toISOString() } satisfies BureauUploadJob, {
        tx,
        singletonKey: `${row.id}:upload:${row.version}`,
      });
    }
    // "cancel": a timer checks on firing whether it still applies (the version it was set for),
    // so a cancelled timer simply finds nothing to do.
  }
}
