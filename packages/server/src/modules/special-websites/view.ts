import {
  SPECIAL_WEBSITE_DOCUMENTS,
  SPECIAL_WEBSITE_STATUSES,
  type SpecialWebsiteDocumentKind,
  type SpecialWebsiteStatus,
  type TSpecialWebsite,
  type TSpecialWebsiteInput,
} from "@beian/contracts";
import { maskMobile } from "@beian/rules";
import type { SpecialWebsiteRow } from "../../db/schema.js";
import { maskCertificateNumber } from "../../logging/mask.js";
import { maskedSubjectName } from "../review/queue.js";
import type { StoredImage } from "../materials/upload.js";

/** An uploaded document as the record keeps it (documents jsonb, by kind). */
export type StoredDocument = StoredImage & { uploadedAt: string };

/**
 * The holder as stored: the certificate nested as { type, number }, the shape whose number the
 * personal-data column encrypts (#11), wherever it sits.
 */
export interface StoredHolder {
  type: TSpecialWebsiteInput["holder"]["type"];
  name: string;
  certificate: { type: string; number: string };
}

export function holderOf(row: SpecialWebsiteRow): TSpecialWebsiteInput["holder"] {
  const h = row.holder as StoredHolder;
  return { type: h.type, name: h.name, certificateType: h.certificate.type, certificateNumber: h.certificate.number };
}

export const DOCUMENT_KINDS = Object.keys(SPECIAL_WEBSITE_DOCUMENTS) as SpecialWebsiteDocumentKind[];

export const documentsOf = (row: SpecialWebsiteRow): Partial<Record<SpecialWebsiteDocumentKind, StoredDocument>> =>
  (row.documents ?? {});

export const missingDocuments = (row: SpecialWebsiteRow): SpecialWebsiteDocumentKind[] => DOCUMENT_KINDS.filter((k) => !documentsOf(row)[k]);

export function specialWebsiteView(row: SpecialWebsiteRow): TSpecialWebsite {
  const documents = documentsOf(row);
  const status = row.status as SpecialWebsiteStatus;
  return {
    id: row.id,
    version: row.version,
    siteName: row.siteName,
    domain: row.domain,
    icpNumber: row.icpNumber,
    holder: holderOf(row),
    emergencyContact: row.emergencyContact as TSpecialWebsiteInput["emergencyContact"],
    documents: DOCUMENT_KINDS.flatMap((kind) => {
      const d = documents[kind];
      if (!d) return [];
      return [
        {
          kind,
          label: SPECIAL_WEBSITE_DOCUMENTS[kind],
          originalName: d.originalName,
          storedBytes: d.storedBytes,
          width: d.width,
          height: d.height,
          url: `/api/special-websites/${row.id}/documents/${kind}`,
          uploadedAt: d.uploadedAt,
        },
      ];
    }),
    missingDocuments: missingDocuments(row),
    status,
    statusLabel: SPECIAL_WEBSITE_STATUSES[status] ?? status,
    reviewReason: row.reviewReason,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A person's name as lists show it (张**), as the review queue does. */
const maskedPersonName = (name: string) => maskedSubjectName({ subjectName: name, subjectType: "personal" }) ?? name;

/**
 * A record as the staff's list shows it (security by default, like the review queue): a person's
 * name, the certificate number, the emergency mobile and QQ masked; the record itself shows them.
 */
export function maskedSpecialWebsiteView(row: SpecialWebsiteRow): TSpecialWebsite {
  const view = specialWebsiteView(row);
  const { holder, emergencyContact: contact } = view;
  return {
    ...view,
    holder: {
      ...holder,
      name: holder.type === "personal" ? maskedPersonName(holder.name) : holder.name,
      certificateNumber: maskCertificateNumber(holder.certificateNumber),
    },
    emergencyContact: { name: maskedPersonName(contact.name), mobile: maskMobile(contact.mobile), qq: maskCertificateNumber(contact.qq) },
  };
}
