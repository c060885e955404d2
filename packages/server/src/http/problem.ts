import { ERROR_CODES, type ErrorCode, type TProblem, type TProblemFieldError } from "@beian/contracts";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { sqlState } from "../db/errors.js";
import { AppError } from "../errors.js";

const TITLES: Partial<Record<number, string>> = {
  400: "请求有误",
  401: "未登录",
  403: "没有权限",
  404: "未找到",
  405: "方法不允许",
  409: "冲突",
  413: "内容过大",
  415: "格式不支持",
  422: "无法处理",
  429: "请求过多",
  500: "系统错误",
};

export function problem(code: ErrorCode, detail?: string, errors?: TProblemFieldError[], status?: number): TProblem {
  const s = status ?? ERROR_CODES[code].status;
  return {
    type: `urn:beian:problem:${code.toLowerCase().replaceAll("_", "-")}`,
    title: TITLES[s] ?? "错误",
    status: s,
    code,
    detail: detail ?? ERROR_CODES[code].message,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: TProblem): FastifyReply {
  return reply.code(body.status).type("application/problem+json; charset=utf-8").send(body);
}

/** Fastify's own 4xx errors (body parsing and the like) mapped onto our stable codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "VALIDATION_FAILED",
  FST_REQ_FILE_TOO_LARGE: "FILE_TOO_LARGE",
  FST_FILES_LIMIT: "VALIDATION_FAILED",
  FST_FIELDS_LIMIT: "VALIDATION_FAILED",
  FST_PARTS_LIMIT: "VALIDATION_FAILED",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

const fieldCode = (keyword: string, params: Record<string, unknown> | undefined): string => {
  const custom = (params?.params as { code?: unknown } | undefined)?.code;
  return typeof custom === "string" ? custom : keyword.toUpperCase();
};

/** SQLSTATEs of text PostgreSQL cannot store. */
const UNSTORABLE_TEXT = new Set(["22021", "22P05"]);

/**
 * One error style for the whole API: RFC 9457 problem+json with a stable code and a Chinese
 * sentence. Validation failures are 400 with per-field errors, never 500; unexpected errors
 * are logged and answered without internals (no stack, no SQL).
 */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, problem(error.code, error.detail, error.errors, error.status));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const errors = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        return {
          path: where === "body" ? path : [where, path].filter(Boolean).join("."),
          code: fieldCode(v.keyword, v.params),
          message: v.message ?? "格式不正确。",
        };
      });
      return sendProblem(reply, problem("VALIDATION_FAILED", undefined, errors));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, "response did not match its schema");
      return sendProblem(reply, problem("INTERNAL_ERROR"));
    }
    // PostgreSQL refuses text it cannot store (a NUL character: 22021, 22P05): bad input, not a fault.
    if (UNSTORABLE_TEXT.has(sqlState(error) ?? "")) return sendProblem(reply, problem("VALIDATION_FAILED"));
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendProblem(reply, problem(mapped));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ code: error.code }, "client error");
      const code: ErrorCode = status === 404 ? "NOT_FOUND" : status === 429 ? "RATE_LIMITED" : "VALIDATION_FAILED";
      return sendProblem(reply, problem(code, undefined, undefined, status));
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(reply, problem("INTERNAL_ERROR"));
  });
}
