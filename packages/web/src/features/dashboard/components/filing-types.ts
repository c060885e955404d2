import { FILING_TYPES, type FilingType } from "@beian/rules";

/** The four ways to start (R-PRE-2), labelled by the rules, described in the providers' words. */
export const STARTABLE_TYPES = [
  { value: "first", description: "主体（个人或单位）和域名都从未备案过。" },
  { value: "new_site", description: "主体已有备案号，为一个新网站备案。" },
  { value: "new_access", description: "网站已在其他接入商备案，现在把网站接入到本接入商（需备案号和备案密码）。" },
  { value: "change", description: "修改已备案的主体或网站信息。" },
].map((t) => ({ ...t, value: t.value as FilingType, label: FILING_TYPES[t.value as FilingType] }));
