/**
 * The SOAP operations: each authenticates, calls a use case and answers the <return> XML.
 * Every failure becomes a msg_code; an unexpected error is logged and answered 999, never a
 * crash of the process.
 */
import { createRequire } from "node:module";
import type { Server } from "node:http";
import type { IServices } from "soap";
import type { Sim } from "../context.js";
import { acceptUpload, type UploadParams } from "../filings/accept-upload.js";
import { acknowledgeDownload, nextDownload, previousUpload } from "../filings/downloads.js";
import { queryStatus, verifyFilingPassword } from "../filings/status-queries.js";
import { authenticate, type Credentials } from "../protocol/auth.js";
import { MSG } from "../protocol/msg-codes.js";
import { replyXml } from "./reply-xml.js";
import { buildWsdl, SERVICES, type ServiceSpec } from "./wsdl.js";

// soap is CommonJS; its named exports are read through require to stay independent of interop details.
const soap = createRequire(import.meta.url)("soap") as typeof import("soap");

type Args = Record<string, unknown>;
type Handler = (args: Args) => Promise<string>;

/** SOAP arguments arrive as strings, or objects for odd input: keep strings only. */
function strings(args: Args): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(args ?? {})) out[k] = typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
  return out;
}

function handlers(sim: Sim): Record<string, Handler> {
  const authed = (fn: (a: Record<string, string | undefined>) => Promise<string>) => async (args: Args) => {
    const a = strings(args);
    const code = authenticate(a as Credentials, sim.config.isp);
    return code === MSG.ok ? fn(a) : replyXml(code);
  };
  return {
    isp_upload: async (args) => {
      const reply = await acceptUpload(sim, strings(args) as UploadParams);
      const extra = reply.missing?.length ? { dataSequences: { dataSequence: reply.missing } } : {};
      return replyXml(reply.code, extra, reply.detail);
    },
    isp_download: authed(async () => {
      const next = await nextDownload(sim);
      if (next.code === MSG.nothingToDownload) return replyXml(next.code);
      const f = next.file;
      return replyXml(next.code, {
        fileInfos: {
          hashAlgorithm: f.hashAlgorithm,
          compressionFormat: f.compressionFormat,
          encryptAlgorithm: f.encryptAlgorithm,
          return_FileName: next.fileName,
          beianInfo: f.beianInfo,
          beianInfoHash: f.beianInfoHash,
        },
      });
    }),
    isp_downloadack: authed(async (a) => replyXml(await acknowledgeDownload(sim, a.fileName))),
    isp_querypreviousupload: authed(async () => {
      const last = await previousUpload(sim);
      return replyXml(MSG.ok, { dataSequence: last.dataSequence, fileName: last.fileName });
    }),
    isp_querybeianstatus: authed(async (a) => {
      const { code, infos } = await queryStatus(sim, a.queryConditionType, a.queryCondition);
      return replyXml(code, infos.length ? { StatusInfo: infos } : {});
    }),
    isp_verifybamm: authed(async (a) => {
      const { code, result } = await verifyFilingPassword(sim, a.baxh, a.bamm);
      return replyXml(code, result === undefined ? {} : { VerifyRes: result });
    }),
  };
}

function servicesFor(spec: ServiceSpec, sim: Sim, all: Record<string, Handler>): IServices {
  const ops: Record<string, (args: Args) => Promise<{ return: string }>> = {};
  for (const op of spec.operations) {
    const handler = all[op.name]!;
    ops[op.name] = async (args) => {
      try {
        return { return: await handler(args) };
      } catch (error) {
        sim.log.error({ err: error, operation: op.name }, "bureau operation failed");
        return { return: replyXml(MSG.other) };
      }
    };
  }
  return { [`${spec.name}Service`]: { [`${spec.name}Port`]: ops } } as IServices;
}

/** Attaches the three SOAP services to a listening HTTP server (soap replaces its request listener). */
export function attachSoapServices(server: Server, sim: Sim, baseUrl: string): void {
  const all = handlers(sim);
  for (const spec of Object.values(SERVICES)) {
    const listener = soap.listen(server, spec.path, servicesFor(spec, sim, all), buildWsdl(spec, baseUrl));
    listener.log = (type: string, data: unknown) => {
      if (type === "error") sim.log.warn({ data }, "SOAP request refused");
    };
  }
}
