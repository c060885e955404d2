import type { TChecklist, TMaterialView } from "@beian/contracts";
import { MATERIAL_KINDS } from "@beian/rules";
import { Card, Empty, Flex, Image, Tag, Typography } from "antd";
import { fieldLabel, type FieldSection } from "../model/field-labels";
import { formatBytes } from "../model/format";

type ChecklistItem = TChecklist["items"][number];

interface Slot {
  key: string;
  label: string;
  where: string | null;
  reason?: string;
  stage?: ChecklistItem["stage"];
  materials: TMaterialView[];
}

const kindLabel = (kind: string) => (MATERIAL_KINDS as Record<string, { label: string }>)[kind]?.label ?? "其他资料";
const samePlace = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null);

/** The checklist's slots with the images uploaded for each; uploads the checklist does not name come last. */
function slotsOf(checklist: ChecklistItem[], materials: TMaterialView[], sections: FieldSection[]): Slot[] {
  const used = new Set<string>();
  const slots: Slot[] = checklist.map((item, i) => {
    const own = materials.filter((m) => m.kind === item.kind && samePlace(m.path, item.path));
    own.forEach((m) => used.add(m.id));
    return {
      key: `${item.kind}-${item.path ?? ""}-${i}`,
      label: item.label,
      where: item.path ? fieldLabel(sections, item.path) : null,
      reason: item.reason,
      stage: item.stage,
      materials: own,
    };
  });
  for (const m of materials) {
    if (used.has(m.id)) continue;
    slots.push({ key: m.id, label: kindLabel(m.kind), where: m.path ? fieldLabel(sections, m.path) : null, materials: [m] });
  }
  return slots;
}

/** An image with its size; anything stored as a compliant image has these (a special website's documents too). */
type StoredImageView = Pick<TMaterialView, "url" | "width" | "height" | "storedBytes">;

export function MaterialImage({ material, alt, size = 180 }: { material: StoredImageView; alt: string; size?: number }) {
  return (
    <Flex vertical gap={4} align="center">
      <Image
        src={material.url}
        alt={alt}
        width={size}
        height={Math.round(size * 0.75)}
        style={{ objectFit: "contain", background: "#f5f5f5", border: "1px solid #f0f0f0" }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {material.width}×{material.height} · {formatBytes(material.storedBytes)}
      </Typography.Text>
    </Flex>
  );
}

/** Every material next to its checklist label; images open in a preview that zooms and rotates. */
export function MaterialGallery(props: { checklist: ChecklistItem[]; materials: TMaterialView[]; sections: FieldSection[] }) {
  // The curtain photo is judged in the verification card.
  const materials = props.materials.filter((m) => m.kind !== "verification_photo");
  const checklist = props.checklist.filter((i) => i.kind !== "verification_photo");
  const slots = slotsOf(checklist, materials, props.sections);
  return (
    <Card title="备案资料" size="small" style={{ marginBottom: 16 }}>
      {slots.length === 0 ? (
        <Empty description="没有上传资料" />
      ) : (
        <Image.PreviewGroup>
          <Flex wrap gap={16}>
            {slots.map((slot) => (
              <div key={slot.key} data-material={slot.label} style={{ width: 220, padding: 12, border: "1px solid #f0f0f0", borderRadius: 8 }}>
                <Typography.Text strong>{slot.label}</Typography.Text>
                {slot.where && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {slot.where}
                    </Typography.Text>
                  </div>
                )}
                <Flex vertical gap={8} style={{ marginTop: 8 }}>
                  {slot.materials.length > 0 ? (
                    slot.materials.map((m) => <MaterialImage key={m.id} material={m} alt={`${slot.label}${slot.where ? ` · ${slot.where}` : ""}`} />)
                  ) : (
                    <Tag color={slot.stage === "verification" ? "default" : "red"} style={{ whiteSpace: "normal" }}>
                      {slot.stage === "verification" ? "核验阶段提交，尚未上传" : "缺少此项资料"}
                    </Tag>
                  )}
                </Flex>
              </div>
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}
