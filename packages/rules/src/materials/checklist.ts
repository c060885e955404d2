/**
 * MAT-1 (what the server can measure before storing an image) and MAT-2 (which required
 * materials are still missing). Photo and scan rules that need human eyes are text for the
 * help center and the reviewer's checklist.
 */
import { report } from "../catalog.js";
import { checked, type CheckResult, type Finding } from "../finding.js";
import type { ProvincePolicy } from "../provinces/policy-types.js";
import type { RequiredMaterial } from "./required.js";

/** MAT-1 / R-MAT-1: at least 800×600 pixels, at most 100 KB after processing. */
export const IMAGE_LIMITS = { minLongSide: 800, minShortSide: 600, maxBytes: 100 * 1024, types: ["image/jpeg", "image/png"] } as const;

export function checkImageMeta(
  image: { width: number; height: number; bytes: number; mime: string },
  options: { path?: string } = {},
): CheckResult {
  const path = options.path ?? "";
  const findings: Finding[] = [];
  if (!(IMAGE_LIMITS.types as readonly string[]).includes(image.mime)) {
    findings.push(report("IMAGE_FORMAT", path, "请上传 JPG 或 PNG 格式的图片。"));
  }
  const long = Math.max(image.width, image.height);
  const short = Math.min(image.width, image.height);
  if (!(long >= IMAGE_LIMITS.minLongSide && short >= IMAGE_LIMITS.minShortSide)) {
    findings.push(report("IMAGE_TOO_SMALL", path, `图片只有 ${image.width}×${image.height} 像素，至少需要 800×600；请重新扫描或拍摄更清晰的图片。`));
  }
  if (!(image.bytes <= IMAGE_LIMITS.maxBytes)) {
    findings.push(report("IMAGE_TOO_LARGE", path, `图片压缩后仍有 ${Math.ceil(image.bytes / 1024)} KB，超过 100 KB；请裁掉多余边缘后重新上传。`));
  }
  return checked(findings, {});
}

/** MAT-2: one finding per required material without a matching upload. */
export function checkMaterials(required: readonly RequiredMaterial[], present: readonly { kind: string; path?: string }[]): Finding[] {
  const unused = [...present];
  const findings: Finding[] = [];
  for (const r of required) {
    const i = unused.findIndex((p) => p.kind === r.kind && (p.path === undefined || r.path === undefined || p.path === r.path));
    if (i >= 0) {
      unused.splice(i, 1);
      continue;
    }
    findings.push(report("MATERIAL_MISSING", r.path ?? "materials", `请上传${r.label}：${r.reason}`));
  }
  return findings;
}

/** MAT-1: scans and photos of documents. */
export const SCAN_RULES: readonly string[] = [
  "上传原件的彩色扫描件或彩色照片，不接受复印件，不接受翻拍屏幕的照片。",
  "身份证正反面放在同一页上。",
  "如需加水印，水印文字应为“仅供备案使用”，且不能遮挡证件上的文字。",
  "图片不小于 800×600 像素、不大于 100 KB；系统会自动压缩，压缩后仍须清晰可读。",
];

/** MAT-4 / R-REV-3: the verification (backdrop) photo, with the province's additions. */
export function photoRules(policy?: ProvincePolicy): string[] {
  const rules = [
    "由网站负责人本人拍摄，不能由他人代替。",
    "站在幕布正中，拍摄胸部以上、露出双肩，头部在幕布范围内。",
    "穿着当季服装，不要穿红色或蓝色上衣。",
    "整个背景都是蓝色幕布，幕布文字清晰可辨、不能是镜像。",
  ];
  const slogan = policy?.rules.photoSlogan.value;
  if (slogan) rules.push(`${policy?.name ?? ""}要求照片中露出幕布标语“${slogan}”。`);
  return rules;
}
