/**
 * The bureau's enterprise interface as the provider system sees it (MIIT-INTERFACE.md): upload
 * filings, download and acknowledge result files, query filing status, check a filing
 * password. The SOAP adapter (soap-client.ts) implements it against the real bureau or the
 * simulator; nothing else in the server speaks SOAP.
 */
export type BureauMessageType = "XZBA" | "XZWZ" | "XZJR" | "BGBA" | "ZXBA";

/** An upload file: letters/digits name (≤ 128 bytes) and the XML built by filing-xml.ts. */
export interface BureauUploadFile {
  fileName: string;
  xml: string;
}

export interface BureauUploadReceipt {
  /** The dataSequence the bureau accepted the file under. */
  dataSequence: number;
  fileName: string;
}

interface ResultBase {
  /** Jrsbaid: the provider's own filing id the file was uploaded with. */
  recordId: string;
  /** The downloaded file that carried this result (acknowledge it after applying). */
  fileName: string;
  /** Business result code (1001 approved, 1002 rejected, 10xx refusals, 1101–1103 SMS). */
  code: number;
  /** Czlx: the uploaded message type the result answers. */
  operation: string;
}

export interface ApprovedWebsite {
  name: string;
  domain: string;
  icpNumber: string;
}

export type BureauResult =
  | (ResultBase & { kind: "sms_verified" })
  | (ResultBase & { kind: "sms_failed"; reason: string })
  | (ResultBase & { kind: "sms_expired"; reason: string })
  | (ResultBase & { kind: "approved"; icpNumber: string; websites: ApprovedWebsite[] })
  | (ResultBase & { kind: "returned"; reason: string });

export interface BureauDownload {
  fileName: string;
  xml: string;
  results: BureauResult[];
  /** Why entries of the file could not be read (the file is still worth acknowledging and keeping). */
  problems: string[];
  /** More files wait on the bureau's side (msg_code 3). */
  more: boolean;
}

/**
 * isp_querybeianstatus: by domain, or by a certificate with its MIIT query type (1 licence,
 * 2 ID card …; `CERTIFICATE_TYPES[type].miitQueryType` of @beian/rules where one exists).
 */
export type BureauStatusQuery = { kind: "domain"; domain: string } | { kind: "certificate"; queryType: number; number: string };

export interface BureauStatus {
  filed: boolean;
  siteName?: string;
  subjectIcpNumber?: string;
  siteIcpNumber?: string;
}

export interface BureauGateway {
  /** Uploads one file with the next dataSequence; resynchronises once via isp_querypreviousupload on code 14. */
  upload(file: BureauUploadFile): Promise<BureauUploadReceipt>;
  /** The next pending result file, hash-verified and parsed; null when nothing waits. Not acknowledged. */
  download(): Promise<BureauDownload | null>;
  /** Tells the bureau the file was stored; until then download() returns it again. */
  ack(fileName: string): Promise<void>;
  queryStatus(query: BureauStatusQuery): Promise<BureauStatus[]>;
  /** isp_verifybamm: whether the filing password (备案密码) fits the filing number. */
  verifyPassword(filingNumber: string, password: string): Promise<boolean>;
}

export type BureauErrorKind =
  /** Connection refused, DNS, reset: nothing reached the bureau. */
  | "unreachable"
  | "timeout"
  /** The bureau answered with a msg_code other than success. */
  | "refused"
  /** The reply could not be read (not SOAP, no <return>, no msg_code). */
  | "malformed_reply"
  /** A downloaded file failed decryption, its hash or unzip. */
  | "integrity";

/** The one error the gateway throws. */
export class BureauError extends Error {
  override readonly name = "BureauError";
  constructor(
    readonly kind: BureauErrorKind,
    message: string,
    /** The interface's msg_code when the bureau sent one (4, 5, 12, 14, 5001 …), else null. */
    readonly msgCode: number | null = null,
    /** code 14: sequences the bureau says it is missing. */
    readonly missingSequences: number[] = [],
  ) {
    super(message);
  }

  /** Worth trying again later without changing anything. */
  get retryable(): boolean {
    return this.kind === "unreachable" || this.kind === "timeout" || this.msgCode === 901 || this.msgCode === 902;
  }
}
