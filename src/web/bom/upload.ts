/**
 * Multipart uploads with progress. `fetch` cannot report how much of a request body has been sent,
 * so these go through XMLHttpRequest — with the same headers and errors as the fetch wrapper.
 */
import { ApiError, getCsrfToken, interfaceLanguage, parseBody, toApiError } from '../http/client';

export type UploadProgress = {
  /** 0…1 of the request body sent. */
  fraction: number;
  /** Everything is sent: the server is reading and matching. */
  sent: boolean;
};

type SendFormOptions = {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
};

/** POST a form (multipart/form-data); resolves with the JSON answer, rejects with `ApiError`. */
export function postForm<T>(url: string, form: FormData, { onProgress, signal }: SendFormOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', interfaceLanguage());
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.({ fraction: event.loaded / event.total, sent: false });
    };
    xhr.upload.onload = () => onProgress?.({ fraction: 1, sent: true });
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toApiError(xhr.status, xhr.statusText, body));
    };
    // The server may close the connection on a body that is too large before answering.
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error: the upload was interrupted'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));

    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('The upload was cancelled', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    onProgress?.({ fraction: 0, sent: false });
    xhr.send(form);
  });
}
