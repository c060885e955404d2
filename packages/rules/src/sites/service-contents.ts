/**
 * 网站服务内容 (Fwnr_id) and 网站语言 (Yylb_id) as the form offers them. The bureau's own code
 * tables are not public; these are the categories providers' forms show. Content that needs a
 * permit is declared separately under 前置审批 (PRE-1), where the rules check it.
 */
export const SERVICE_CONTENTS = [
  { value: "enterprise_portal", label: "单位门户网站" },
  { value: "general_portal", label: "综合门户" },
  { value: "personal_space", label: "博客/个人空间" },
  { value: "e_commerce", label: "网络购物" },
  { value: "search_engine", label: "搜索引擎" },
  { value: "website_building", label: "网站建设" },
  { value: "online_education", label: "网络教育（不含前置审批内容）" },
  { value: "other", label: "其他" },
] as const;

export const LANGUAGES = [
  { value: "zh-CN", label: "中文简体" },
  { value: "zh-TW", label: "中文繁体" },
  { value: "en", label: "英语" },
  { value: "ja", label: "日语" },
  { value: "ko", label: "韩语" },
  { value: "fr", label: "法语" },
  { value: "de", label: "德语" },
  { value: "ru", label: "俄语" },
  { value: "es", label: "西班牙语" },
  { value: "ar", label: "阿拉伯语" },
  { value: "bo", label: "藏语" },
  { value: "ug", label: "维吾尔语" },
  { value: "mn", label: "蒙古语" },
] as const;

/** The label of a code from one of the lists above; an unknown code is shown as typed. */
export function labelOf(list: readonly { value: string; label: string }[], code: string | undefined): string {
  return list.find((i) => i.value === code)?.label ?? code ?? "";
}
