import { ApiError, csrfToken, NETWORK_ERROR, problemError } from "./api";

export interface UploadProgress {
  /** Bytes sent so far and in total (the multipart body). */
  loaded: number;
  total: number;
}

/**
 * POSTs multipart form data with real upload progress (R-MAT-6). fetch() cannot report upload
 * progress, so this uses XMLHttpRequest, with the session cookie and the CSRF token like api().
 */
export function uploadForm<T>(path: string, body: FormData, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    const token = csrfToken();
    if (token) xhr.setRequestHeader("x-csrf-token", token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ loaded: e.loaded, total: e.total });
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(problemError(xhr.status, data));
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK_ERROR", NETWORK_ERROR));
    xhr.ontimeout = () => reject(new ApiError(0, "NETWORK_ERROR", NETWORK_ERROR));
    xhr.onabort = () => reject(new ApiError(0, "ABORTED", "已取消上传。"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
