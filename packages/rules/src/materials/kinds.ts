/** Material kinds (MAT-2): the label shown to applicants and what makes an upload acceptable. */
export const MATERIAL_KINDS = {
  subject_certificate: { label: "单位证件", hint: "营业执照、组织机构代码证、事业单位法人证书等单位证件的彩色扫描件" },
  legal_rep_id: { label: "法定代表人身份证件", hint: "主体负责人（法定代表人）身份证正反面，放在同一页" },
  principal_id: { label: "负责人身份证件", hint: "身份证正反面放在同一页的彩色扫描件或原件照片" },
  authorization_letter: { label: "网站备案授权书", hint: "法定代表人签字并加盖单位公章" },
  domain_certificate: { label: "域名证书", hint: "域名注册商出具的域名证书，持有者须与主办者一致" },
  verification_photo: { label: "网站负责人核验照片", hint: "在蓝色幕布前拍摄的上半身照片（幕布照）" },
  verification_form: { label: "网站备案信息真实性核验单", hint: "打印在一张 A4 纸上，负责人签字（单位加盖公章，个人按手印）" },
  commercial_licence: { label: "增值电信业务经营许可证", hint: "经营性网站提供许可证彩色扫描件" },
  rename_proof: { label: "单位更名证明", hint: "市场监管（工商）部门出具的更名证明" },
  pre_approval_document: { label: "前置审批文件", hint: "主管部门颁发的许可证或批准文件" },
  residence_permit: { label: "居住证明", hint: "备案省份的居住证或暂住证（部分省份接受其他证明）" },
  commitment_letter: { label: "备案承诺书", hint: "按省管局模板填写并签字（单位加盖公章）" },
  construction_plan: { label: "网站建设方案书", hint: "说明网站内容、栏目与用途" },
  income_proof: { label: "收入证明", hint: "未满 18 周岁的主办者提供本人收入证明" },
} as const;

export type MaterialKind = keyof typeof MATERIAL_KINDS;
