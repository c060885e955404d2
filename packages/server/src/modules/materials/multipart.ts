import type { FastifyRequest } from "fastify";
import { AppError } from "../../errors.js";
import { IMAGE_LIMITS } from "./image-compliance.js";

/** "websites.0.principal", "websites.0.domains.1" …: where a material belongs, as the checklist names it. */
const MATERIAL_PATH = /^[a-zA-Z]{1,20}(\.[a-zA-Z0-9]{1,20}){0,5}$/;

/**
 * Reads one uploaded file and the text fields sent before it. Size and count limits are the
 * parser's, so an oversized upload is cut off while streaming, not after it filled memory.
 */
export async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "请以 multipart/form-data 上传文件。");
  const part = await request.file({ limits: { fileSize: IMAGE_LIMITS.maxUploadBytes, files: 1, fields: 5 } });
  if (!part) throw new AppError("FILE_EMPTY");
  const field = (name: string) => {
    const f = part.fields[name];
    return f && !Array.isArray(f) && f.type === "field" ? String(f.value) : undefined;
  };
  const data = await part.toBuffer();
  const path = field("path") || null;
  if (path !== null && !MATERIAL_PATH.test(path)) {
    throw new AppError("VALIDATION_FAILED", undefined, [{ path: "path", code: "INVALID", message: "资料所属位置不正确，请从资料清单中上传。" }]);
  }
  return { kind: field("kind") ?? "", path, fileName: part.filename, declaredMime: part.mimetype, data };
}
