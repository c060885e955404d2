import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, InputNumber, Select, Space, Switch } from "antd";
import { CATEGORY_OPTIONS, type ValueEditor } from "../model/policy-editors";

type Name = (string | number)[];

/** The inputs of one policy value (or a part of it), by the editor the value's shape calls for. */
export function PolicyValueInput({ editor, name, label }: { editor: ValueEditor; name: Name; label: string }) {
  switch (editor.kind) {
    case "switch":
      return (
        <Form.Item label={label} name={name} valuePropName="checked">
          <Switch aria-label={label} checkedChildren={editor.on} unCheckedChildren={editor.off} />
        </Form.Item>
      );
    case "number":
      return (
        <Form.Item label={label} name={name} rules={editor.nullable ? [] : [{ required: true, message: "请填写数值。" }]}>
          <InputNumber aria-label={label} min={editor.min} max={editor.max} precision={0} suffix={editor.unit} placeholder={editor.nullable} style={{ width: 200 }} />
        </Form.Item>
      );
    case "text":
      return (
        <Form.Item
          label={label}
          name={name}
          rules={[
            ...(editor.nullable ? [] : [{ required: true, whitespace: true, message: "请填写。" }]),
            ...(editor.url ? [{ pattern: /^https?:\/\/\S+$/, message: "请填写以 http:// 或 https:// 开头的完整网址。" }] : []),
          ]}
        >
          <Input aria-label={label} placeholder={editor.placeholder ?? editor.nullable} allowClear={Boolean(editor.nullable)} />
        </Form.Item>
      );
    case "choice":
      return (
        <Form.Item label={label} name={name}>
          <Select aria-label={label} options={editor.options} style={{ maxWidth: 320 }} />
        </Form.Item>
      );
    case "words":
      return (
        <Form.Item label={label} name={name} extra="输入后按回车添加，可用逗号或顿号分隔多个">
          <Select aria-label={label} mode="tags" open={false} tokenSeparators={[",", "，", "、"]} suffixIcon={null} />
        </Form.Item>
      );
    case "categories":
      return (
        <Form.Item label={label} name={name}>
          <Select aria-label={label} mode="multiple" options={CATEGORY_OPTIONS} placeholder="不要求" />
        </Form.Item>
      );
    case "approval-words":
      return <ApprovalWords name={name} label={label} />;
    case "fields":
      return editor.nullable ? <NullableFields editor={editor} name={name} /> : <Fields editor={editor} name={name} />;
  }
}

function Fields({ editor, name }: { editor: Extract<ValueEditor, { kind: "fields" }>; name: Name }) {
  return (
    <>
      {editor.fields.map((f) => (
        <PolicyValueInput key={f.name} editor={f.editor} name={[...name, f.name]} label={f.label} />
      ))}
    </>
  );
}

/** A requirement a province may not have at all (null): a switch, then its parts. */
function NullableFields({ editor, name }: { editor: Extract<ValueEditor, { kind: "fields" }>; name: Name }) {
  const form = Form.useFormInstance();
  const nullable = editor.nullable!;
  return (
    <Form.Item noStyle shouldUpdate>
      {() => {
        const present = form.getFieldValue(name) !== null && form.getFieldValue(name) !== undefined;
        return (
          <>
            <Form.Item label={nullable.label}>
              <Switch aria-label={nullable.label} checked={present} checkedChildren="要求" unCheckedChildren="不要求" onChange={(on) => form.setFieldValue(name, on ? { ...nullable.empty } : null)} />
            </Form.Item>
            {present && <Fields editor={editor} name={name} />}
          </>
        );
      }}
    </Form.Item>
  );
}

function ApprovalWords({ name, label }: { name: Name; label: string }) {
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Space key={field.key} align="baseline" wrap style={{ display: "flex", marginBottom: 4 }}>
                <Form.Item name={[field.name, "word"]} noStyle rules={[{ required: true, whitespace: true, message: "请填写用词。" }]}>
                  <Input aria-label={`用词 ${i + 1}`} placeholder="用词" style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[field.name, "category"]} noStyle rules={[{ required: true, message: "请选择前置审批。" }]}>
                  <Select aria-label={`用词 ${i + 1} 的前置审批`} options={CATEGORY_OPTIONS} placeholder="需要的前置审批" style={{ width: 200 }} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除用词 ${i + 1}`} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ word: "", category: undefined })}>
              添加用词
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
