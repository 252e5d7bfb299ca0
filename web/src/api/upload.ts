// Evidence goes straight from the browser to S3 through the presigned PUT the API hands out.
// The API signs the content type and refuses to overwrite (If-None-Match), so the request must
// carry exactly the headers it returned with the URL; the browser sets Content-Length itself.
// XMLHttpRequest rather than fetch: fetch reports no upload progress.

export interface PresignedUpload {
  url: string;
  method: "PUT";
  headers: Record<string, string>;
}

/** Thrown when S3 refuses or the connection drops; the record already exists, so retry the upload alone. */
export class UploadError extends Error {
  constructor(readonly status: number) {
    super(status === 0 ? "网络中断，上传未完成" : `存储服务拒绝了上传（HTTP ${status}）`);
    this.name = "UploadError";
  }
}

export function putToPresigned(target: PresignedUpload, file: Blob, onProgress?: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    for (const [name, value] of Object.entries(target.headers)) {
      if (name.toLowerCase() !== "content-length") xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new UploadError(xhr.status)));
    xhr.onerror = () => reject(new UploadError(0));
    xhr.send(file);
  });
}
