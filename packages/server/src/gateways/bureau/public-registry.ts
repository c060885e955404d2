/**
 * The bureau's public registry (公共信息查询, R-PRE-1): who has filed a domain or a certificate.
 * This is the public query service, not the enterprise SOAP interface; the simulator serves it
 * at /sim/query.
 */
export interface RegistryRecord {
  subjectName: string;
  subjectNature: string;
  subjectIcpNumber: string;
  siteName: string;
  siteIcpNumber: string;
  domain: string;
  approvedAt: string;
}

export interface PublicRegistry {
  byDomain(domain: string): Promise<RegistryRecord[]>;
  byCertificate(certNumber: string): Promise<RegistryRecord[]>;
}

export class RegistryUnavailable extends Error {}

export function httpPublicRegistry(baseUrl: string, timeoutMs = 5_000): PublicRegistry {
  async function query(params: Record<string, string>): Promise<RegistryRecord[]> {
    const url = new URL("/sim/query", baseUrl);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new RegistryUnavailable(`public registry unreachable: ${(error as Error).message}`);
    }
    if (!res.ok) throw new RegistryUnavailable(`public registry answered ${res.status}`);
    const body = (await res.json()) as { records?: unknown };
    if (!Array.isArray(body.records)) throw new RegistryUnavailable("public registry answered without records");
    // Untrusted input: keep only well-typed string fields.
    return body.records.flatMap((r): RegistryRecord[] => {
      const o = r as Record<string, unknown>;
      const s = (k: string) => (typeof o[k] === "string" ? (o[k] as string).slice(0, 200) : "");
      return s("domain") || s("siteIcpNumber")
        ? [{ subjectName: s("subjectName"), subjectNature: s("subjectNature"), subjectIcpNumber: s("subjectIcpNumber"), siteName: s("siteName"), siteIcpNumber: s("siteIcpNumber"), domain: s("domain"), approvedAt: s("approvedAt") }]
        : [];
    });
  }
  return {
    byDomain: (domain) => query({ domain }),
    byCertificate: (certNumber) => query({ certNumber }),
  };
}
