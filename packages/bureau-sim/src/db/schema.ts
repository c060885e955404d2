import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgSchema, primaryKey, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The bureau keeps its own data, apart from the provider's: its own PGlite directory by
 * default, or its own schema "bureau" when it shares a PostgreSQL server.
 */
export const bureau = pgSchema("bureau");

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** The public registry (公共信息查询): what is filed, by subject and by website. */
export const registry = bureau.table(
  "registry",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectName: text("subject_name").notNull(),
    subjectNature: text("subject_nature").notNull(),
    certificateType: text("certificate_type").notNull(),
    certificateNumber: text("certificate_number").notNull(),
    subjectIcpNumber: text("subject_icp_number").notNull(),
    siteName: text("site_name").notNull(),
    siteIcpNumber: text("site_icp_number").notNull(),
    domain: text("domain").notNull(),
    approvedAt: at("approved_at").notNull(),
    /** The bureau filing that created or last changed this row (null for seeded rows). */
    filingId: uuid("filing_id"),
    /** sha256 hex of the filing password (备案密码) that isp_verifybamm and XZJR check. */
    filingPasswordHash: text("filing_password_hash"),
  },
  (t) => [index("registry_domain_idx").on(t.domain), index("registry_cert_idx").on(t.certificateNumber)],
);

/** Every accepted isp_upload, kept as received (the interface asks providers to keep 3 months; we keep ours too). */
export const uploads = bureau.table(
  "uploads",
  {
    id: serial("id").primaryKey(),
    ispId: text("isp_id").notNull(),
    dataSequence: integer("data_sequence").notNull(),
    fileName: text("file_name").notNull(),
    beianInfoHash: text("beian_info_hash").notNull(),
    messageType: text("message_type").notNull(),
    xml: text("xml").notNull(),
    receivedAt: at("received_at").notNull(),
  },
  (t) => [uniqueIndex("uploads_isp_seq_idx").on(t.ispId, t.dataSequence)],
);

/**
 * One record (Bajl) of an upload as the bureau works on it. `recordId` is the provider's own
 * id (Jrsbaid) that every result file repeats, so the provider can correlate.
 */
export const filings = bureau.table(
  "filings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ispId: text("isp_id").notNull(),
    uploadId: integer("upload_id").notNull(),
    recordId: text("record_id").notNull(),
    messageType: text("message_type").notNull(),
    province: text("province").notNull(),
    /** sms_pending → bureau_review → approved | returned. */
    status: text("status").notNull(),
    /** The record as parsed from the upload (UploadedRecord). */
    record: jsonb("record").notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    subjectIcpNumber: text("subject_icp_number"),
    outcomeCode: integer("outcome_code"),
    outcomeReason: text("outcome_reason"),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [index("filings_status_idx").on(t.status), index("filings_record_idx").on(t.recordId)],
);

/** R-SMS-1…5: one code per distinct mobile of a filing. */
export const smsCodes = bureau.table(
  "sms_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    filingId: uuid("filing_id").notNull(),
    mobile: text("mobile").notNull(),
    /** "subject", "website" or both, comma separated: whose code this is (R-SMS-2). */
    roles: text("roles").notNull(),
    /** Certificate numbers the holder of this mobile may verify with. */
    certificateNumbers: jsonb("certificate_numbers").$type<string[]>().notNull(),
    code: text("code").notNull(),
    /** R-SMS-4: first sending, about 5 minutes after the upload. */
    dueAt: at("due_at").notNull(),
    sentAt: at("sent_at"),
    resendAt: at("resend_at"),
    resentAt: at("resent_at"),
    expiresAt: at("expires_at"),
    verifiedAt: at("verified_at"),
  },
  (t) => [index("sms_codes_filing_idx").on(t.filingId), index("sms_codes_mobile_idx").on(t.mobile)],
);

/** The simulated handsets (R-SMS-8): every text sent, with the carrier's sender number. */
export const smsMessages = bureau.table(
  "sms_messages",
  {
    id: serial("id").primaryKey(),
    mobile: text("mobile").notNull(),
    sender: text("sender").notNull(),
    carrier: text("carrier").notNull(),
    text: text("text").notNull(),
    sentAt: at("sent_at").notNull(),
  },
  (t) => [index("sms_messages_mobile_idx").on(t.mobile)],
);

/** Result files waiting for isp_download; delivered until acknowledged. */
export const downloads = bureau.table(
  "downloads",
  {
    id: serial("id").primaryKey(),
    ispId: text("isp_id").notNull(),
    fileName: text("file_name").notNull(),
    xml: text("xml").notNull(),
    createdAt: at("created_at").notNull(),
    ackedAt: at("acked_at"),
  },
  (t) => [uniqueIndex("downloads_file_name_idx").on(t.fileName), index("downloads_pending_idx").on(t.ispId, t.ackedAt)],
);

/** NUM-1: the last serial issued per province and year. */
export const icpSerials = bureau.table(
  "icp_serials",
  {
    province: text("province").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.province, t.year] })],
);

/** isp_verifybamm calls per filing number, for the rate limit (code 22). */
export const passwordChecks = bureau.table(
  "password_checks",
  {
    id: serial("id").primaryKey(),
    filingNumber: text("filing_number").notNull(),
    checkedAt: at("checked_at").notNull().default(sql`now()`),
  },
  (t) => [index("password_checks_number_idx").on(t.filingNumber, t.checkedAt)],
);
