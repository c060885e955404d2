/**
 * Where province facts come from (the upstream public sources named in the rule catalog).
 * Kept as text in the package so the data stays traceable without the project's notes.
 */
export const SOURCES = {
  seedFirstFiling: "杭州世导信息技术有限公司《首次备案 备案流程》帮助页",
  seedMaterials: "群英帮助中心《备案需要准备什么材料?》2018-03-06，第七节 备案短信核验",
  tencent2017: "腾讯云文档 网站备案/常见问题：各省管局要求（2017）",
  huawei: "华为云 icp-rule-consult filing-rules.yml",
  qingcloud: "青云 qingcloud-docs 网站备案说明",
  rulesCatalog: "Beian 规则目录（综合各接入商公开说明）",
  guangdongCommitment: "广东省通信管理局：自 2021-06-21 起提交《互联网信息服务备案承诺书》",
} as const;
