import { resolveProvince } from "@beian/rules";
import { Alert, Tag } from "antd";
import { provinceNotes } from "../model/province-notes";
import { usePolicies } from "../model/use-policies";

/** The filing province's own rules (province policies), as soon as the address names the province. */
export function ProvinceNotes({ provinceCode, personal }: { provinceCode: string | undefined; personal: boolean }) {
  const policies = usePolicies();
  const key = resolveProvince(provinceCode ?? "");
  if (!key) return null;
  const policy = policies[key];
  const notes = provinceNotes(policy, personal);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`备案省份：${policy.name}（由通信地址确定，提交到${policy.name}通信管理局）`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="province-notes">
          {notes.map((n) => (
            <li key={n.text}>
              {n.text} {n.year === 2017 && <Tag style={{ marginInlineStart: 4 }}>2017 年规定</Tag>}
            </li>
          ))}
        </ul>
      }
    />
  );
}
