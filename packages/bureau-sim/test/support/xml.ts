/** Upload XML for tests, written out by hand so the simulator's parser is tested independently of the server's mapper. */
export interface TestPerson {
  name: string;
  id: string;
  mobile: string;
}

export const SUBJECT_PRINCIPAL: TestPerson = { name: "王五", id: "330106198001011235", mobile: "13800000001" };
export const SITE_PRINCIPAL: TestPerson = { name: "赵六", id: "330102198505052346", mobile: "13300000002" };

const person = (tag: string, p: TestPerson) =>
  `<${tag}><Fzr_xm>${p.name}</Fzr_xm><Fzr_zjlx>2</Fzr_zjlx><Fzr_zjhm>${p.id}</Fzr_zjhm><Fzr_sjhm>${p.mobile}</Fzr_sjhm><Fzr_dzyj>x@example.com</Fzr_dzyj></${tag}>`;

export function xzba(opts: { recordId?: string; domain?: string; subject?: TestPerson; site?: TestPerson; version?: string } = {}): string {
  const subject = opts.subject ?? SUBJECT_PRINCIPAL;
  const site = opts.site ?? SITE_PRINCIPAL;
  const domain = opts.domain ?? "mouxtech.com";
  return `<?xml version="1.0" encoding="UTF-8"?>
<XZBA version="${opts.version ?? "V.3.0"}">
  <Bajl>
    <Jrsbaid>${opts.recordId ?? "F0001"}</Jrsbaid>
    <Zt_xx>
      <Dwmc>杭州某某网络科技有限公司</Dwmc><Dwxz>4</Dwxz>
      <Txdz><Shengid>330000</Shengid><Shiid>330100</Shiid><Xianid>330106</Xianid><Xxdz>文三路100号</Xxdz></Txdz>
      <Zj><Zjlx>1</Zjlx><Zjhm>91330106MA27XY8K1X</Zjhm></Zj>
      ${person("Fzr", subject)}
    </Zt_xx>
    <Wz_xx>
      <Wzmc>某某科技产品介绍</Wzmc>
      <Ym_xx><Ym>${domain}</Ym></Ym_xx>
      <Jr_xx><Ip_xx><Qsip>203.0.113.10</Qsip><Zzip>203.0.113.10</Zzip></Ip_xx></Jr_xx>
      ${person("Wz_Fzr", site)}
      <Syurl>www.${domain}</Syurl>
    </Wz_xx>
  </Bajl>
</XZBA>`;
}

const website = (domain: string, p: TestPerson, number?: string) => `<Wz_xx>${number ? `<Wzbah>${number}</Wzbah>` : ""}
      <Wzmc>网站${domain}</Wzmc><Ym_xx><Ym>${domain}</Ym></Ym_xx><Jr_xx/>
      ${person("Wz_Fzr", p)}<Syurl>www.${domain}</Syurl></Wz_xx>`;

const subjectXml = (name: string, p: TestPerson) => `<Zt_xx><Dwmc>${name}</Dwmc><Dwxz>4</Dwxz>
      <Txdz><Shengid>330000</Shengid><Shiid>330100</Shiid><Xianid>330106</Xianid><Xxdz>文三路100号</Xxdz></Txdz>
      <Zj><Zjlx>1</Zjlx><Zjhm>91330106MA27XY8K1X</Zjhm></Zj>${person("Fzr", p)}</Zt_xx>`;

const wrap = (type: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?><${type} version="V.3.0"><Bajl>${body}</Bajl></${type}>`;

export const xzwz = (recordId: string, subjectNumber: string, domain: string, p: TestPerson) =>
  wrap("XZWZ", `<Jrsbaid>${recordId}</Jrsbaid><Ztbah>${subjectNumber}</Ztbah>${website(domain, p)}`);

export const xzjr = (recordId: string, siteNumber: string, password: string, domain: string, p: TestPerson) =>
  wrap("XZJR", `<Jrsbaid>${recordId}</Jrsbaid><Wzbah>${siteNumber}</Wzbah><Bamm>${password}</Bamm>${website(domain, p)}`);

export const bgba = (recordId: string, subjectNumber: string, subjectName: string, subject: TestPerson, sites: { number: string; domain: string; principal: TestPerson }[]) =>
  wrap("BGBA", `<Jrsbaid>${recordId}</Jrsbaid><Ztbah>${subjectNumber}</Ztbah>${subjectXml(subjectName, subject)}${sites.map((s) => website(s.domain, s.principal, s.number)).join("")}`);

export const zxba = (recordId: string, kind: "0" | "1" | "2", number: string) =>
  wrap("ZXBA", `<Jrsbaid>${recordId}</Jrsbaid><Zxlb>${kind}</Zxlb>${kind === "0" ? `<Ztbah>${number}</Ztbah>` : `<Wzbah>${number}</Wzbah>`}<Zxly>不再运营</Zxly>`);
