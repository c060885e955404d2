/**
 * The upload message types the simulator accepts (MIIT-INTERFACE.md "Message types") and
 * their structure. The root element is the message type with version="V.3.0"; each record is a
 * <Bajl> carrying the provider's own record id <Jrsbaid>, repeated in every result file.
 */
import { group, leaf, optional, type ElementRule } from "./structure.js";

export const UPLOAD_TYPES = ["XZBA", "XZWZ", "XZJR", "BGBA", "ZXBA"] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

export const MAX_RECORDS = 1000;

const DIVISION = /^\d{6}$/;
const MOBILE = /^1\d{10}$/;
// IPv4 or IPv6 text; the exact address is the provider's concern, the shape is ours.
const IP = /^(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f:]{2,39})$/;
const ICP_NUMBER = /ICP备\d+号/;

/** Fzr (subject principal) and Wz_Fzr (website principal) share one shape. */
const principal = (name: string): ElementRule =>
  group(name, [
    leaf("Fzr_xm", { maxLength: 64 }),
    leaf("Fzr_zjlx", { maxLength: 64 }),
    leaf("Fzr_zjhm", { maxLength: 64 }),
    leaf("Fzr_sjhm", { pattern: MOBILE }),
    optional("Fzr_dhhm", { maxLength: 32 }),
    leaf("Fzr_dzyj", { pattern: /^[^@\s]+@[^@\s]+$/ }),
    optional("Qq", { pattern: /^\d{5,12}$/ }),
  ]);

export const SUBJECT: ElementRule = group("Zt_xx", [
  leaf("Dwmc", { maxLength: 128 }),
  leaf("Dwxz", { maxLength: 64 }),
  optional("Tzr", { maxLength: 128 }),
  group("Txdz", [leaf("Shengid", { pattern: DIVISION }), leaf("Shiid", { pattern: DIVISION }), leaf("Xianid", { pattern: DIVISION }), leaf("Xxdz")]),
  group("Zj", [leaf("Zjlx", { maxLength: 64 }), leaf("Zjhm", { maxLength: 64 }), optional("Zjzs")]),
  principal("Fzr"),
  optional("Bbfs", { pattern: /^[01]$/ }),
  optional("Bz", { maxLength: 1000 }),
]);

const website = (extra: ElementRule[] = []): ElementRule =>
  group(
    "Wz_xx",
    [
      ...extra,
      leaf("Wzmc", { maxLength: 64 }),
      group("Nrlx", [leaf("Nrlx_id", { maxLength: 64 }), leaf("Qzsph", { maxLength: 128 }), optional("Spwj")], { min: 0, max: 20 }),
      optional("Fwnr_id", { maxLength: 64 }),
      optional("Yylb_id", { max: 20, maxLength: 32 }),
      group("Ym_xx", [leaf("Ym", { maxLength: 253 })], { min: 1, max: 100 }),
      group(
        "Jr_xx",
        [
          optional("Wzfb", { maxLength: 128 }),
          optional("Wzjrfs", { maxLength: 64 }),
          group("Ip_xx", [leaf("Qsip", { pattern: IP }), leaf("Zzip", { pattern: IP })], { min: 0, max: 100 }),
        ],
        { min: 1, max: 10 },
      ),
      principal("Wz_Fzr"),
      leaf("Syurl", { maxLength: 1024 }),
      optional("Wz_Bz", { maxLength: 1000 }),
    ],
    { min: 1, max: 100 },
  );

const RECORD_ID = leaf("Jrsbaid", { pattern: /^[A-Za-z0-9-]{1,64}$/ });

/** Children of <Bajl> per message type. */
export const RECORD_SCHEMAS: Record<UploadType, ElementRule[]> = {
  // 新增备案: a new subject with its websites.
  XZBA: [RECORD_ID, SUBJECT, website()],
  // 新增网站: websites for a filed subject (Ztbah).
  XZWZ: [RECORD_ID, leaf("Ztbah", { pattern: ICP_NUMBER }), website()],
  // 新增接入: a filed website (Wzbah + filing password Bamm) moves its access to this provider.
  XZJR: [RECORD_ID, leaf("Wzbah", { pattern: ICP_NUMBER }), leaf("Bamm", { maxLength: 64 }), { ...website(), max: 1 }],
  // 变更备案: the subject's data and any changed websites (each with its Wzbah).
  BGBA: [RECORD_ID, leaf("Ztbah", { pattern: ICP_NUMBER }), SUBJECT, { ...website([leaf("Wzbah", { pattern: ICP_NUMBER })]), min: 0 }],
  // 注销备案: Zxlb 0 subject, 1 website, 2 access; the number to cancel; Zxly reason.
  ZXBA: [RECORD_ID, leaf("Zxlb", { pattern: /^[012]$/ }), optional("Ztbah", { pattern: ICP_NUMBER }), optional("Wzbah", { pattern: ICP_NUMBER }), leaf("Zxly", { maxLength: 500 })],
};

export const ROOT_CHILDREN = (type: UploadType): ElementRule[] => [group("Bajl", RECORD_SCHEMAS[type], { min: 1, max: MAX_RECORDS })];

export const isUploadType = (v: string): v is UploadType => (UPLOAD_TYPES as readonly string[]).includes(v);
