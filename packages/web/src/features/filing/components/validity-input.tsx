import { Checkbox, DatePicker, Flex } from "antd";
import dayjs from "dayjs";

const PERMANENT = "长期";

/** Certificate validity (ID-5): a date "YYYY-MM-DD", or 长期. */
export function ValidityInput({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const permanent = value === PERMANENT;
  const date = value && !permanent && dayjs(value, "YYYY-MM-DD", true).isValid() ? dayjs(value, "YYYY-MM-DD") : null;
  return (
    <Flex gap={12} align="center" wrap>
      <DatePicker
        id={id}
        value={date}
        disabled={permanent}
        placeholder="有效期截止日期"
        format="YYYY-MM-DD"
        style={{ flex: "1 1 160px", minWidth: 0 }}
        onChange={(d) => onChange?.(d ? d.format("YYYY-MM-DD") : undefined)}
      />
      <Checkbox checked={permanent} onChange={(e) => onChange?.(e.target.checked ? PERMANENT : undefined)}>
        长期有效
      </Checkbox>
    </Flex>
  );
}

/** A date stored as "YYYY-MM-DD" (domain expiry, real-name date). */
export function DateInput({ id, value, onChange, placeholder }: { id?: string; value?: string; onChange?: (v: string | undefined) => void; placeholder?: string }) {
  const date = value && dayjs(value, "YYYY-MM-DD", true).isValid() ? dayjs(value, "YYYY-MM-DD") : null;
  return (
    <DatePicker
      id={id}
      value={date}
      format="YYYY-MM-DD"
      placeholder={placeholder ?? "选择日期"}
      style={{ width: "100%" }}
      onChange={(d) => onChange?.(d ? d.format("YYYY-MM-DD") : undefined)}
    />
  );
}
