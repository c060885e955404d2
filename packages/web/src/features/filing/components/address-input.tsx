import type { TFilingForm } from "@beian/contracts";
import { listCities, listDistricts, listProvinces } from "@beian/rules";
import { Cascader, Flex, Input } from "antd";
import { useMemo } from "react";

type Address = NonNullable<NonNullable<TFilingForm["subject"]>["address"]>;

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

/** Province → city → district from the rules' GB/T 2260 data, the same table SUB-8 checks against. */
function divisionOptions(): Option[] {
  return listProvinces().map((p) => ({
    value: p.code,
    label: p.name,
    children: listCities(p.code).map((c) => {
      const districts = listDistricts(c.code).map((d) => ({ value: d.code, label: d.name }));
      return { value: c.code, label: c.name, ...(districts.length > 0 ? { children: districts } : {}) };
    }),
  }));
}

/** The correspondence address (通信地址): divisions picked, the rest typed down to the room. */
export function AddressInput({ id, value, onChange }: { id?: string; value?: Address; onChange?: (v: Address) => void }) {
  const options = useMemo(divisionOptions, []);
  const codes = [value?.provinceCode, value?.cityCode, value?.districtCode].filter((c): c is string => Boolean(c));
  return (
    <Flex vertical gap={8}>
      <Cascader
        id={id}
        options={options}
        value={codes}
        placeholder="请选择省 / 市 / 区（县）"
        showSearch
        changeOnSelect={false}
        style={{ width: "100%" }}
        onChange={(picked) => {
          const [provinceCode, cityCode, districtCode] = (picked ?? []) as string[];
          onChange?.({ ...value, provinceCode, cityCode, districtCode });
        }}
      />
      <Input
        aria-label="详细地址"
        value={value?.detail}
        maxLength={200}
        placeholder="街道、门牌号和房间号，例如 文三路100号1幢501室"
        onChange={(e) => onChange?.({ ...value, detail: e.target.value })}
      />
    </Flex>
  );
}
