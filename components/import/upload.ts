// Uploads a file with XMLHttpRequest (fetch has no upload progress) and reports how much
// has been sent; the answer is JSON { message, ... } on errors, the service's result otherwise.

export type UploadPhase = { kind: "sending"; percent: number } | { kind: "processing" };

export function uploadFile<T>(url: string, file: File, onPhase: (p: UploadPhase) => void, fields: Record<string, string> = {}): Promise<{ ok: true; data: T } | { ok: false; status: number; body: { message?: string; errors?: unknown } }> {
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
      else resolve({ ok: false, status: xhr.status, body: xhr.response ?? { message: `服务器返回错误（${xhr.status}）` } });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, body: { message: "网络连接中断，文件没有上传成功，请重试" } });
    const form = new FormData();
    form.append("file", file);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    onPhase({ kind: "sending", percent: 0 });
    xhr.send(form);
  });
}
