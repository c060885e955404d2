import { index, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The bureau keeps its own data, apart from the provider's: its own PGlite directory by
 * default, or its own schema "bureau" when it shares a PostgreSQL server.
 */
export const bureau = pgSchema("bureau");

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
    approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("registry_domain_idx").on(t.domain), index("registry_cert_idx").on(t.certificateNumber)],
);
