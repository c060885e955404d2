import { FILING_TYPES, type FilingType } from "@beian/rules";

/** The ways to start (R-PRE-2), labelled by the rules, described in the providers' words. */
export const STARTABLE_TYPES = [
  { value: "first", description: "主体（个人或单位）和域名都从未备案过。" },
  { value: "new_site", description: "主体已有备案号，为一个新网站备案。" },
  { value: "new_access", description: "网站已在其他接入商备案，现在把网站接入到本接入商（需备案号和备案密码）。" },
  { value: "change", description: "修改已备案的主体或网站信息。" },
  { value: "cancel_site", description: "网站不再开办：注销该网站的备案号，主体备案保留。" },
  { value: "cancel_access", description: "网站不再使用本接入商的服务器：取消在本接入商的接入。" },
  { value: "cancel_subject", description: "主体不再开办任何网站：注销主体及其全部网站的备案。" },
].map((t) => ({ ...t, value: t.value as FilingType, label: FILING_TYPES[t.value as FilingType] }));
