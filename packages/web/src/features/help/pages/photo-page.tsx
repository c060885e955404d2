import { DEFAULT_WORKFLOW_LIMITS, IMAGE_LIMITS, PROVINCE_KEYS, photoRules, SCAN_RULES } from "@beian/rules";
import { Alert, Card, Typography } from "antd";
import { Link } from "react-router";
import { useHelp } from "../components/help-context";
import { HelpPage, HelpSection } from "../components/help-page";

const Bullets = ({ items }: { items: readonly string[] }) => (
  <ul style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.9 }}>
    {items.map((t) => (
      <li key={t}>{t}</li>
    ))}
  </ul>
);

export default function PhotoPage() {
  const { policies } = useHelp();
  const withSlogan = PROVINCE_KEYS.filter((k) => policies[k].rules.photoSlogan.value);
  return (
    <HelpPage title="幕布照与图片要求" summary="初审通过后，网站负责人需要当面核验：在接入商寄来的蓝色幕布前拍照上传，或到接入商指定地点现场核验。">
      <HelpSection id="curtain" title="申请幕布">
        <Card>
          <Bullets
            items={[
              "初审通过后，在备案进度页申请邮寄幕布，填写收件地址和联系人。",
              "幕布只能寄往中国大陆境内的地址；请填写真实准确的地址和联系方式。",
              "幕布无需寄回，可以留着以后在本系统备案时再用。",
              "不方便拍照的，也可以携带证件原件到接入商指定地点现场核验、现场拍照。",
            ]}
          />
        </Card>
      </HelpSection>

      <HelpSection id="photo" title="幕布照（当面核验照片）怎么拍">
        <Card>
          <Bullets items={photoRules()} />
          {withSlogan.map((k) => (
            <Typography.Paragraph key={k} style={{ margin: "8px 0 0" }}>
              <Link to={`/help/provinces/${k}`}>{policies[k].name}</Link>：照片中须露出幕布标语“{policies[k].rules.photoSlogan.value}”。
            </Typography.Paragraph>
          ))}
          <Typography.Paragraph type="secondary" style={{ margin: "12px 0 0" }}>
            照片上传后，接入商会在 {DEFAULT_WORKFLOW_LIMITS.photoReviewWorkingDays} 个工作日内审核，结果通过短信和邮件通知；不通过时会写明原因，按原因重新拍摄上传即可。
          </Typography.Paragraph>
        </Card>
      </HelpSection>

      <HelpSection id="images" title="图片大小与格式">
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title="系统会自动处理上传的图片"
          description={`直接上传手机拍摄的原图即可：系统会自动旋转、压缩到 ${IMAGE_LIMITS.maxBytes / 1024} KB 以内，无需再用其他软件缩小或压缩。`}
        />
        <Card>
          <Bullets
            items={[
              `格式：JPG 或 PNG（苹果手机的 HEIC 照片请先改为“兼容性最佳”或截图后上传）。`,
              `尺寸：至少 ${IMAGE_LIMITS.minLongSide}×${IMAGE_LIMITS.minShortSide} 像素；压缩后不大于 ${IMAGE_LIMITS.maxBytes / 1024} KB。`,
              ...SCAN_RULES,
            ]}
          />
        </Card>
      </HelpSection>
    </HelpPage>
  );
}
