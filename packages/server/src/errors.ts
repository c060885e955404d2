import { ERROR_CODES, type ErrorCode, type TProblemFieldError } from "@beian/contracts";

/** The one error type of the server: a stable code, an HTTP status and a Chinese sentence. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail: string = ERROR_CODES[code].message,
    readonly errors?: TProblemFieldError[],
    status?: number,
  ) {
    super(`${code}: ${detail}`);
    this.name = "AppError";
    this.status = status ?? ERROR_CODES[code].status;
  }
}
