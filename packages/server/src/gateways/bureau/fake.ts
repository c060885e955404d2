/**
 * An in-memory BureauGateway for unit tests of the code that uses the port (the SOAP adapter
 * itself is tested against the simulator). It keeps the interface's semantics that callers
 * depend on: contiguous sequences, at-least-once delivery until ack, typed errors.
 */
import { BureauError, type BureauDownload, type BureauGateway, type BureauResult, type BureauStatus, type BureauUploadFile } from "./port.js";

type ResultWithoutFile = BureauResult extends infer R ? (R extends BureauResult ? Omit<R, "fileName"> : never) : never;

export interface FakeBureauGateway extends BureauGateway {
  /** Every accepted upload, in order. */
  readonly uploads: (BureauUploadFile & { dataSequence: number })[];
  /** Queues one result file carrying these results; returns its file name. */
  deliver(results: ResultWithoutFile[]): string;
  /** What queryStatus answers, by domain or by certificate number. */
  readonly registry: Map<string, BureauStatus[]>;
  /** Filing number → filing password, for verifyPassword. */
  readonly passwords: Map<string, string>;
  /** The next call of any method throws this error instead (once). */
  failNext(error: BureauError): void;
  /** File names acknowledged so far. */
  readonly acknowledged: string[];
}

export function createFakeBureauGateway(): FakeBureauGateway {
  const uploads: FakeBureauGateway["uploads"] = [];
  const pending: { fileName: string; results: BureauResult[] }[] = [];
  const acknowledged: string[] = [];
  const registry = new Map<string, BureauStatus[]>();
  const passwords = new Map<string, string>();
  let failure: BureauError | null = null;
  let fileCounter = 0;

  const guard = () => {
    if (!failure) return;
    const error = failure;
    failure = null;
    throw error;
  };

  return {
    uploads,
    registry,
    passwords,
    acknowledged,
    failNext: (error) => {
      failure = error;
    },
    deliver(results) {
      const fileName = `BAJGFAKE${String(++fileCounter).padStart(6, "0")}`;
      pending.push({ fileName, results: results.map((r) => ({ ...r, fileName }) as BureauResult) });
      return fileName;
    },
    async upload(file) {
      guard();
      const dataSequence = uploads.length + 1;
      uploads.push({ ...file, dataSequence });
      return { dataSequence, fileName: file.fileName };
    },
    async download(): Promise<BureauDownload | null> {
      guard();
      const next = pending[0];
      if (!next) return null;
      return { fileName: next.fileName, xml: "", results: structuredClone(next.results), problems: [], more: pending.length > 1 };
    },
    async ack(fileName) {
      guard();
      const index = pending.findIndex((p) => p.fileName === fileName);
      if (index === -1 && !acknowledged.includes(fileName)) throw new BureauError("refused", `isp_downloadack: unknown file ${fileName}`, 999);
      if (index !== -1) {
        pending.splice(index, 1);
        acknowledged.push(fileName);
      }
    },
    async queryStatus(query) {
      guard();
      const key = query.kind === "domain" ? query.domain.toLowerCase() : query.number.toUpperCase();
      return registry.get(key) ?? [{ filed: false }];
    },
    async verifyPassword(filingNumber, password) {
      guard();
      return passwords.get(filingNumber) === password;
    },
  };
}
