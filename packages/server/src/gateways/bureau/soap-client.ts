/**
 * The BureauGateway over SOAP with the `soap` package: WSDL from BUREAU_URL, credentials and
 * file envelope per the interface, a timeout on every call, and every failure as a BureauError.
 * Uploads are serialised because dataSequence must be contiguous.
 */
import { createRequire } from "node:module";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Client } from "soap";
import type { BureauGatewayConfig } from "./config.js";
import { packUpload, pwdHash, randVal, unpackDownload } from "./envelope.js";
import { parseResultFile } from "./filing-xml.js";
import { BureauError, type BureauGateway, type BureauStatus, type BureauUploadReceipt } from "./port.js";

// soap is CommonJS; require keeps its named exports independent of ESM interop.
const soap = createRequire(import.meta.url)("soap") as typeof import("soap");

/** Where the last accepted dataSequence is kept between restarts; without one the bureau is asked. */
export interface SequenceStore {
  load(): Promise<number | null>;
  save(lastAccepted: number): Promise<void>;
  /**
   * The bureau's last accepted upload, met when out of step: possibly one whose answer a crash
   * cut off, so the store records it before anything else is sent over it.
   */
  adopt?(previous: { dataSequence: number; fileName: string }): Promise<void>;
}

export interface SoapBureauGatewayOptions extends BureauGatewayConfig {
  sequenceStore?: SequenceStore;
}

const PATHS = {
  upDownLoad: "/ISPWebService/upDownLoad",
  queryBeianStatus: "/BeianStatusWebService/queryBeianStatus",
  verifyBamm: "/BeianStatusWebService/verifyBamm",
} as const;
type ServiceKey = keyof typeof PATHS;

type Reply = Record<string, unknown> & { code: number; msg: string };

const replyParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === "StatusInfo" || name === "dataSequence" });

const NETWORK_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EPIPE"]);

function asBureauError(error: unknown, what: string): BureauError {
  if (error instanceof BureauError) return error;
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? "";
  const message = e.message ?? String(error);
  if (code === "ECONNABORTED" || code === "ETIMEDOUT" || /timeout/i.test(message)) {
    return new BureauError("timeout", `${what}: the bureau did not answer in time`);
  }
  if (NETWORK_CODES.has(code)) return new BureauError("unreachable", `${what}: bureau unreachable (${code})`);
  return new BureauError("malformed_reply", `${what}: unusable reply (${message.slice(0, 200)})`);
}

export function createSoapBureauGateway(config: SoapBureauGatewayOptions): BureauGateway {
  const base = config.url.replace(/\/+$/, "");
  const clients = new Map<ServiceKey, Promise<Client>>();

  function client(key: ServiceKey): Promise<Client> {
    let pending = clients.get(key);
    if (!pending) {
      pending = soap
        .createClientAsync(`${base}${PATHS[key]}?wsdl`, { wsdl_options: { timeout: config.timeoutMs }, disableCache: true })
        .then((c) => {
          // The WSDL's own address may name a host the provider cannot reach; BUREAU_URL wins.
          c.setEndpoint(`${base}${PATHS[key]}`);
          return c;
        });
      // A failed WSDL fetch is not cached: the next call tries again.
      pending.catch(() => clients.delete(key));
      clients.set(key, pending);
    }
    return pending;
  }

  async function call(key: ServiceKey, operation: string, args: Record<string, string>): Promise<Reply> {
    const rand = randVal();
    const auth = { ispId: config.ispId, userName: config.userName, randVal: rand, pwdHash: pwdHash(config.password, rand), hashAlgorithm: "0" };
    let text: unknown;
    try {
      const c = (await client(key)) as unknown as Record<string, (a: unknown, o: unknown) => Promise<[{ return?: unknown } | null]>>;
      const method = c[`${operation}Async`];
      if (!method) throw new BureauError("malformed_reply", `${operation}: the bureau's WSDL has no such operation`);
      const [result] = await method({ ...auth, ...args }, { timeout: config.timeoutMs });
      text = result?.return;
    } catch (error) {
      throw asBureauError(error, operation);
    }
    if (typeof text !== "string" || XMLValidator.validate(text) !== true) {
      throw new BureauError("malformed_reply", `${operation}: reply without a readable <return> document`);
    }
    const body = (replyParser.parse(text) as { return?: Record<string, unknown> }).return;
    const code = Number(body?.msg_code);
    if (!body || typeof body !== "object" || body.msg_code === undefined || !Number.isInteger(code)) {
      throw new BureauError("malformed_reply", `${operation}: reply without msg_code`);
    }
    return { ...body, code, msg: typeof body.msg === "string" ? body.msg : "" };
  }

  const refused = (operation: string, reply: Reply, missing: number[] = []) =>
    new BureauError("refused", `${operation}: bureau answered ${reply.code} ${reply.msg}`, reply.code, missing);

  async function previousUpload(): Promise<{ dataSequence: number; fileName: string }> {
    const reply = await call("upDownLoad", "isp_querypreviousupload", {});
    if (reply.code !== 0) throw refused("isp_querypreviousupload", reply);
    const seq = Number((reply.dataSequence as string[] | undefined)?.[0] ?? "0");
    if (!Number.isInteger(seq) || seq < 0) throw new BureauError("malformed_reply", "isp_querypreviousupload: dataSequence is not a number");
    return { dataSequence: seq, fileName: typeof reply.fileName === "string" ? reply.fileName : "" };
  }

  let nextSequence: number | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const sameFile = (stored: string, fileName: string) => stored.replace(/\.xml$/i, "") === fileName;

  return {
    upload: (file) =>
      serialised(async (): Promise<BureauUploadReceipt> => {
        if (!/^[A-Za-z0-9]{1,124}$/.test(file.fileName)) {
          throw new BureauError("refused", "file names must be letters and digits, at most 124 characters", 999);
        }
        if (nextSequence === null) {
          const stored = await config.sequenceStore?.load();
          nextSequence = (stored ?? (await previousUpload()).dataSequence) + 1;
        }
        // The same file packs to the same bytes, so a retry after a lost reply is recognised by the bureau.
        const packed = packUpload(file.fileName, file.xml, config.encryptUploads ? config.aes : null);
        const send = (seq: number) => call("upDownLoad", "isp_upload", { ...packed, dataSequence: String(seq) });
        let reply = await send(nextSequence);
        if (reply.code === 14) {
          // Out of step (a crash, another process, a lost store): ask the bureau where it stands.
          const previous = await previousUpload();
          if (sameFile(previous.fileName, file.fileName)) {
            nextSequence = previous.dataSequence + 1;
            await config.sequenceStore?.save(previous.dataSequence);
            return { dataSequence: previous.dataSequence, fileName: file.fileName };
          }
          await config.sequenceStore?.adopt?.(previous);
          nextSequence = previous.dataSequence + 1;
          reply = await send(nextSequence);
        }
        if (reply.code !== 0) {
          const missing = ((reply.dataSequences as { dataSequence?: string[] } | undefined)?.dataSequence ?? []).map(Number);
          throw refused("isp_upload", reply, missing);
        }
        const accepted = nextSequence;
        nextSequence += 1;
        await config.sequenceStore?.save(accepted);
        return { dataSequence: accepted, fileName: file.fileName };
      }),

    async download() {
      const reply = await call("upDownLoad", "isp_download", {});
      if (reply.code === 2) return null;
      if (reply.code !== 0 && reply.code !== 1 && reply.code !== 3) throw refused("isp_download", reply);
      const info = reply.fileInfos as Record<string, string> | undefined;
      // "All downloaded" may come without a file (a bureau that answers 1 once the queue is empty).
      if (!info && reply.code === 1) return null;
      const fileName = info?.return_FileName?.trim();
      if (!info || !fileName) throw new BureauError("malformed_reply", "isp_download: file information missing");
      const unpacked = unpackDownload(info, config.aes);
      if (!unpacked.ok) throw new BureauError("integrity", `isp_download ${fileName}: ${unpacked.reason}`, unpacked.reason === "hash mismatch" ? 7 : null);
      return { fileName, xml: unpacked.xml, ...parseResultFile(unpacked.xml, fileName), more: reply.code === 3 };
    },

    async ack(fileName) {
      const reply = await call("upDownLoad", "isp_downloadack", { fileName });
      if (reply.code !== 0) throw refused("isp_downloadack", reply);
    },

    async queryStatus(query) {
      const [type, condition] = query.kind === "domain" ? ["0", query.domain] : [String(query.queryType), query.number];
      const reply = await call("queryBeianStatus", "isp_querybeianstatus", { queryConditionType: type, queryCondition: condition });
      if (reply.code !== 0) throw refused("isp_querybeianstatus", reply);
      return ((reply.StatusInfo as Record<string, string>[] | undefined) ?? []).map((s): BureauStatus => ({
        filed: s.Bazt === "0",
        ...(s.Wzmc ? { siteName: s.Wzmc } : {}),
        ...(s.Ztbah ? { subjectIcpNumber: s.Ztbah } : {}),
        ...(s.Wzbah ? { siteIcpNumber: s.Wzbah } : {}),
      }));
    },

    async verifyPassword(filingNumber, password) {
      const reply = await call("verifyBamm", "isp_verifybamm", { baxh: filingNumber, bamm: password });
      if (reply.code !== 0) throw refused("isp_verifybamm", reply);
      if (reply.VerifyRes !== "0" && reply.VerifyRes !== "1") throw new BureauError("malformed_reply", "isp_verifybamm: VerifyRes missing");
      return reply.VerifyRes === "0";
    },
  };
}
