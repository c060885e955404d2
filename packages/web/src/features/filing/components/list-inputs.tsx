import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Input } from "antd";
import { toNamePath } from "../model/paths";
import { FindingField } from "./finding-field";
import { useFormActions } from "./form-actions";

/**
 * A list of text inputs (domains, IP addresses) under `path`, one form item per entry so that
 * findings at "websites.0.domains.1" land under the second input.
 */
export function ListInputs({
  path,
  items,
  label,
  noun,
  placeholder,
  extra,
  min = 0,
}: {
  path: string;
  items: readonly (string | undefined)[];
  label: string;
  noun: string;
  placeholder: string;
  extra?: string;
  min?: number;
}) {
  const { setField } = useFormActions();
  const list = items.length > 0 || min === 0 ? items : [""];
  return (
    <FindingField path={path} label={label} bind={false} extra={extra} style={{ marginBottom: 16 }}>
      <Flex vertical gap={0}>
        {list.map((_, j) => (
          <Flex key={j} gap={8} align="flex-start">
            <div style={{ flex: 1, minWidth: 0 }}>
              <FindingField path={`${path}.${j}`} style={{ marginBottom: 8 }}>
                <Input aria-label={`${noun} ${j + 1}`} placeholder={placeholder} autoComplete="off" />
              </FindingField>
            </div>
            {list.length > min && (
              <Button
                aria-label={`删除${noun} ${j + 1}`}
                icon={<DeleteOutlined />}
                onClick={() => setField(toNamePath(path), list.filter((__, k) => k !== j))}
              />
            )}
          </Flex>
        ))}
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => setField(toNamePath(path), [...list, ""])} style={{ alignSelf: "flex-start" }}>
          添加{noun}
        </Button>
      </Flex>
    </FindingField>
  );
}
