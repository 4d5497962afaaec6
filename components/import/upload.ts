// Uploads a file with XMLHttpRequest (fetch has no upload progress) and reports how much
// has been sent; the answer is JSON { message, ... } on errors, the service's result otherwise.
// `texts` say what went wrong when the server gives no message, in the page's language.

export type UploadPhase = { kind: "sending"; percent: number } | { kind: "processing" };

export interface UploadTexts {
  serverError: (status: number) => string;
  network: string;
}

export function uploadFile<T>(url: string, file: File, onPhase: (p: UploadPhase) => void, texts: UploadTexts, fields: Record<string, string> = {}): Promise<{ ok: true; data: T } | { ok: false; status: number; body: { message?: string; errors?: unknown } }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onPhase({ kind: "sending", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => onPhase({ kind: "processing" });
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as T & { message?: string };
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, data: body });
      else resolve({ ok: false, status: xhr.status, body: xhr.response ?? { message: texts.serverError(xhr.status) } });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, body: { message: texts.network } });
    const form = new FormData();
    form.append("file", file);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    onPhase({ kind: "sending", percent: 0 });
    xhr.send(form);
  });
}
