import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { encryptedText, personalJsonb } from "../modules/personal-data/columns.js";

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["applicant", "reviewer", "admin"] }).notNull(),
    /** Encrypted at rest (issue 11.4). */
    mobile: encryptedText("mobile"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
    disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/** Sessions live in the database so any server process can serve any request. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** sha256 of the bearer/cookie token: a database leak does not leak live tokens. */
    tokenHash: text("token_hash").notNull(),
    csrfToken: text("csrf_token").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("sessions_token_hash_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/**
 * #11.3 password reset: single-use tokens mailed to the account's address. Like sessions only
 * the sha256 is kept, so a database leak cannot be used to take over an account.
 */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("password_reset_tokens_token_hash_key").on(t.tokenHash), index("password_reset_tokens_user_idx").on(t.userId)],
);

/**
 * Append-only record of every state change (R-ST-2): who, when, what, from, to, why.
 * Written in the same transaction as the change it records; payloads are masked.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    actorId: uuid("actor_id"),
    actorRole: text("actor_role").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    fromState: text("from_state"),
    toState: text("to_state"),
    reason: text("reason"),
    data: jsonb("data").notNull().default(sql`'{}'::jsonb`),
    /**
     * Hash chain (issue 11): each entry's sha256 covers the previous entry's hash and its own
     * content, so a changed, removed or inserted row breaks every hash after it. Null on rows
     * written before the chain existed.
     */
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId, t.id)],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/**
 * One filing subject (主体) per account (R-ACC-1), enforced by the unique owner. Its data is the
 * latest version the applicant entered; each filing keeps the snapshot it was submitted with.
 */
export const subjects = pgTable(
  "subjects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    /** Certificate numbers and mobiles inside are encrypted (issue 11.4). */
    data: personalJsonb("data").notNull().default(sql`'{}'::jsonb`),
    /** Keyed hash of the principal's mobile: SUB-6 looks for it among other subjects. */
    principalMobileHash: text("principal_mobile_hash"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("subjects_owner_key").on(t.ownerId), index("subjects_principal_mobile_idx").on(t.principalMobileHash)],
);

/**
 * A filing application (备案申请) and its state. `version` increases with every change; a change
 * applies only `WHERE version = expected` (optimistic concurrency, FILING_VERSION_CONFLICT).
 */
export const filings = pgTable(
  "filings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => subjects.id),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    type: text("type").notNull(),
    status: text("status").notNull(),
    version: integer("version").notNull().default(1),
    /** The filing's form as the applicant entered it; certificate numbers and mobiles encrypted (issue 11.4). */
    form: personalJsonb("form").notNull().default(sql`'{}'::jsonb`),
    /** Findings of the last pre-review, shown to applicant and reviewer. */
    findings: jsonb("findings").notNull().default(sql`'[]'::jsonb`),
    /** The lifecycle's own fields next to the status (verification passed, SMS attempts, ICP number). */
    lifecycle: personalJsonb("lifecycle").notNull().default(sql`'{}'::jsonb`),
    /** Search columns of the review queue, derived from the form on every save. */
    subjectName: text("subject_name"),
    province: text("province"),
    domains: text("domains").array().notNull().default(sql`'{}'::text[]`),
    subjectType: text("subject_type"),
    /** Keyed hashes of the subject's and principals' certificate numbers: the queue's exact search (issue 11.4). */
    certificateNumbers: text("certificate_numbers").array().notNull().default(sql`'{}'::text[]`),
    /** When the reviewer's current task is due (R-REV-3 working days); null when none waits. */
    reviewDueAt: timestamp("review_due_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("filings_owner_idx").on(t.ownerId, t.createdAt),
    index("filings_status_idx").on(t.status, t.submittedAt),
    index("filings_domains_idx").using("gin", t.domains),
    index("filings_certificates_idx").using("gin", t.certificateNumbers),
    index("filings_subject_name_idx").on(t.subjectName.op("text_pattern_ops")),
    index("filings_province_idx").on(t.province, t.status, t.submittedAt),
    // The review queue's default view (waiting for a reviewer, oldest first) walks this small
    // index in order and reads only the rows of the page.
    index("filings_waiting_idx").on(t.submittedAt, t.id).where(sql`status in ('submitted', 'verifying')`),
    // WF-1: one application in flight per subject (drafts and returned ones count as open).
    uniqueIndex("filings_one_open_per_subject")
      .on(t.subjectId)
      .where(sql`status not in ('approved', 'withdrawn', 'expired')`),
  ],
);

/** Uploaded materials: the original and the compliant image, both content-addressed. */
export const materials = pgTable(
  "materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    filingId: uuid("filing_id")
      .notNull()
      .references(() => filings.id),
    kind: text("kind").notNull(),
    /** The part of the filing it belongs to ("websites.0", "websites.0.domains.1"); null for the whole filing. */
    path: text("path"),
    originalKey: text("original_key").notNull(),
    originalName: text("original_name").notNull(),
    originalMime: text("original_mime").notNull(),
    originalBytes: integer("original_bytes").notNull(),
    storedKey: text("stored_key").notNull(),
    storedBytes: integer("stored_bytes").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    report: jsonb("report").notNull().default(sql`'{}'::jsonb`),
    uploadedBy: uuid("uploaded_by").notNull(),
    createdAt: createdAt(),
    replacedAt: timestamp("replaced_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("materials_filing_idx").on(t.filingId, t.kind)],
);

export type FilingRow = typeof filings.$inferSelect;
export type MaterialRow = typeof materials.$inferSelect;

/**
 * Every message to a person, one row per (event, recipient, channel). The idempotency key is
 * unique: an event retried or replayed after a crash cannot create a second message. The row is
 * also the outbox the delivery job works from, and the applicant's in-app inbox.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    idempotencyKey: text("idempotency_key").notNull(),
    userId: uuid("user_id").references(() => users.id),
    channel: text("channel", { enum: ["email", "sms", "inbox"] }).notNull(),
    /** Email, mobile or user id; encrypted at rest (issue 11.4). */
    recipient: encryptedText("recipient").notNull(),
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    mandatory: integer("mandatory").notNull().default(1),
    status: text("status", { enum: ["pending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    uniqueIndex("notifications_idempotency_key").on(t.idempotencyKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_status_idx").on(t.status, t.createdAt),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;

/** Optional notices a user switched off (mandatory ones cannot be, see templates.ts). */
export const notificationOptOuts = pgTable(
  "notification_opt_outs",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    template: text("template").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.template] })],
);

/** Admins' edits of the default notice texts; a template without a row uses its default. */
export const notificationTemplateOverrides = pgTable("notification_template_overrides", {
  key: text("key").primaryKey(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  sms: text("sms").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/**
 * Reminders due at a time (R-SMS-5: 24 h and 4 h before the SMS code expires), written in the
 * transaction that makes them necessary. They are fired in bulk by a sweep (see reminders.ts);
 * one row per filing, submission and kind, so scheduling twice changes nothing.
 */
export const notificationReminders = pgTable(
  "notification_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    filingId: uuid("filing_id")
      .notNull()
      .references(() => filings.id),
    /** Which submission to the bureau the reminder belongs to (lifecycle.bureauSubmittedAt). */
    submission: text("submission").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true, mode: "date" }).notNull(),
    firedAt: timestamp("fired_at", { withTimezone: true, mode: "date" }),
    /** sent | stale (the filing moved on) | opted_out */
    outcome: text("outcome"),
  },
  (t) => [
    uniqueIndex("notification_reminders_once").on(t.filingId, t.kind, t.submission),
    index("notification_reminders_due_idx").on(t.dueAt).where(sql`fired_at is null`),
  ],
);

/** Reviewer SLA alerts already sent: one per filing and due time. */
export const reviewSlaAlerts = pgTable(
  "review_sla_alerts",
  {
    filingId: uuid("filing_id")
      .notNull()
      .references(() => filings.id),
    dueAt: timestamp("due_at", { withTimezone: true, mode: "date" }).notNull(),
    alertedAt: timestamp("alerted_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.filingId, t.dueAt] })],
);

/** Return-reason templates reviewers pick from (R-REV-1); admins edit them. */
export const returnReasonTemplates = pgTable("return_reason_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull(),
  /** The form field it usually concerns, e.g. "websites.0.name"; the reviewer may change it. */
  path: text("path"),
  message: text("message").notNull(),
  position: integer("position").notNull().default(0),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [uniqueIndex("return_reason_templates_code_key").on(t.code)]);

/**
 * Per-province overrides of the rules' policy table (R-SMS-7 and the province rules): only what
 * the provider changed is stored; the rules package's data stays the default.
 */
export const provinceOverrides = pgTable("province_overrides", {
  province: text("province").primaryKey(),
  overrides: jsonb("overrides").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/**
 * Every exchange with the bureau (issue 8): uploads with their dataSequence, downloaded result
 * files and what applying them did. A downloaded file is applied once: its name is unique, so
 * the same file delivered again (at-least-once delivery) changes nothing.
 */
export const bureauExchanges = pgTable(
  "bureau_exchanges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    direction: text("direction", { enum: ["upload", "download"] }).notNull(),
    fileName: text("file_name").notNull(),
    filingId: uuid("filing_id").references(() => filings.id),
    messageType: text("message_type"),
    dataSequence: integer("data_sequence"),
    /** upload: sent | failed; download: applied | ignored. */
    status: text("status").notNull(),
    detail: text("detail"),
    /** The file as sent or received; it names people, so it is encrypted at rest (issue 11.4). */
    xml: encryptedText("xml").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("bureau_exchanges_download_file").on(t.fileName).where(sql`direction = 'download'`),
    index("bureau_exchanges_filing_idx").on(t.filingId, t.at),
  ],
);

/**
 * R-FORM-7: special websites that are filed elsewhere and do not go through our filing system.
 * The applicant keeps their ICP number, a 24-hour emergency contact, the holder's ID or
 * qualification and the signed 信息安全责任书 here; reviewers check the record.
 */
export const specialWebsites = pgTable(
  "special_websites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    siteName: text("site_name").notNull(),
    /** Registrable domain, ASCII lower case (one record per domain and applicant). */
    domain: text("domain").notNull(),
    icpNumber: text("icp_number").notNull(),
    /** Who holds the site: subject type, name, certificate { type, number } (the number encrypted, #11). */
    holder: personalJsonb("holder").notNull(),
    /** The 24-hour emergency contact: name, mobile (encrypted, #11), QQ. */
    emergencyContact: personalJsonb("emergency_contact").notNull(),
    /** Uploaded documents by kind (identity, responsibility_letter): stored keys and sizes. */
    documents: jsonb("documents").notNull().default(sql`'{}'::jsonb`),
    /** pending | accepted | returned. */
    status: text("status").notNull().default("pending"),
    reviewReason: text("review_reason"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("special_websites_owner_domain").on(t.ownerId, t.domain),
    index("special_websites_status_idx").on(t.status, t.updatedAt),
  ],
);

export type SpecialWebsiteRow = typeof specialWebsites.$inferSelect;

/**
 * Keys of the personal-data encryption (issue 11.4), each wrapped (AES-256-GCM) by the master key
 * from DATA_ENCRYPTION_KEY: data keys encrypt values, the newest active one is current; the one
 * search key makes the keyed hashes lookups use. See modules/personal-data.
 */
export const personalDataKeys = pgTable("personal_data_keys", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["data", "search"] }).notNull(),
  wrapped: text("wrapped").notNull(),
  /** A rotated data key is written with first after this, once every process has loaded it. */
  activeFrom: timestamp("active_from", { withTimezone: true, mode: "date" }).notNull(),
  createdAt: createdAt(),
});

/** One-time sweeps over existing rows that have finished (e.g. encrypting pre-11.4 plaintext). */
export const personalDataSweeps = pgTable("personal_data_sweeps", {
  name: text("name").primaryKey(),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }).notNull(),
});
