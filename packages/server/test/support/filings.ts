import type { FilingInput } from "@beian/rules";
import { person } from "../../../rules/test/fixtures.js";
import { bearer, loginAs, register, type Session } from "./http.js";
import { phonePhoto } from "./images.js";
import { multipart } from "./multipart.js";
import type { TestSystem } from "./test-system.js";

const NAMES = ["张三", "李四", "王芳", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏"];

/**
 * A complete personal filing in 浙江 for applicant number `n`: its own person, ID number, mobile
 * and domain, so several can be in the queue at once (SUB-6). Dates fit a clock at 2026-03-02.
 */
export function personalFilingOf(n: number): Omit<FilingInput, "type"> {
  const name = NAMES[n % NAMES.length]!;
  const p = person(name, `33010619900315${String(100 + n).padStart(3, "0")}`, `1370000${String(1000 + n).padStart(4, "0")}`, `person${n}@example.com`);
  const domain = `notes-${n}.cn`;
  return {
    province: "zj",
    subject: {
      type: "personal",
      name,
      certificate: { type: "resident_id", number: p.certificate.number, validUntil: "长期" },
      address: { provinceCode: "330000", cityCode: "330100", districtCode: "330106", detail: "文三路200号3幢802室" },
      principal: p,
      emergencyContact: { mobile: `1390000${String(2000 + n).padStart(4, "0")}` },
    },
    websites: [
      {
        name: `${name}的读书笔记`,
        domains: [domain],
        homeUrl: `https://www.${domain}/`,
        languages: ["zh-CN"],
        remark: "记录个人读书心得与书评，不涉及任何经营性内容。",
        principal: p,
        domainCertificates: [
          { domain, registrantName: name, registrantCertNumber: p.certificate.number, expiresAt: "2029-05-01", verifiedAt: "2026-01-05" },
        ],
      },
    ],
  };
}

export interface SubmittedFiling {
  id: string;
  session: Session;
  domain: string;
  certificateNumber: string;
}

/** Registers applicant `n`, fills in, uploads everything the checklist asks for, and submits. */
export async function submittedFiling(sys: Pick<TestSystem, "app">, n: number): Promise<SubmittedFiling> {
  const email = `applicant-${n}@example.com`;
  await register(sys.app, email, "Passw0rd-x", `1360000${String(3000 + n).padStart(4, "0")}`);
  const session = await loginAs(sys.app, email, "Passw0rd-x");
  const form = personalFilingOf(n);
  const created = await sys.app.inject({ method: "POST", url: "/api/filings", headers: bearer(session), payload: { type: "first", form } });
  if (created.statusCode !== 201) throw new Error(`create: ${created.body}`);
  const id = created.json().id as string;
  await uploadChecklist(sys, session, id);
  const version = (await sys.app.inject({ url: `/api/filings/${id}`, headers: bearer(session) })).json().version;
  const res = await sys.app.inject({ method: "POST", url: `/api/filings/${id}/submit`, headers: bearer(session), payload: { expectedVersion: version } });
  if (res.statusCode !== 200) throw new Error(`submit: ${res.body}`);
  return { id, session, domain: form.websites![0]!.domains![0]!, certificateNumber: form.subject!.certificate!.number! };
}

let photo: Buffer | undefined;

/** Uploads one image for every submission-stage checklist item that is not there yet. */
export async function uploadChecklist(sys: Pick<TestSystem, "app">, session: Session, id: string): Promise<void> {
  photo ??= await phonePhoto(1200, 900);
  const items = (await sys.app.inject({ url: `/api/filings/${id}/checklist`, headers: bearer(session) })).json().items as {
    kind: string;
    path: string | null;
    stage: string;
    present: boolean;
  }[];
  for (const item of items.filter((i) => i.stage === "submission" && !i.present)) {
    const res = await sys.app.inject({
      method: "POST",
      url: `/api/filings/${id}/materials`,
      ...multipart({ kind: item.kind, ...(item.path ? { path: item.path } : {}) }, { name: `${item.kind}.jpg`, type: "image/jpeg", data: photo }, bearer(session)),
    });
    if (res.statusCode !== 201) throw new Error(`upload ${item.kind}: ${res.body}`);
  }
}
