// Evidence straight from the browser to S3: drop (or pick) a file, the type and size are checked
// against the API's own limits before anything is sent, the API declares the attachment and hands
// back a presigned PUT, and the bytes go to S3 with a progress bar. A failed upload can be retried
// without declaring the file again.
import { Alert, Button, Progress } from "antd";
import { type DragEvent, useId, useRef, useState } from "react";
import { problemText } from "../api/problem";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from "../api/routes.gen";
import { type PresignedUpload, putToPresigned } from "../api/upload";

export interface DeclaredFile {
  fileName: string;
  contentType: (typeof ATTACHMENT_TYPES)[number];
  size: number;
}

interface Row {
  /** The declaration's Idempotency-Key, also the row's identity. */
  key: string;
  name: string;
  percent: number;
  state: "uploading" | "done" | "failed";
  error?: string;
  retry?: () => void;
}

const TYPE_NAMES: Record<string, string> = { "image/jpeg": "JPEG", "image/png": "PNG", "application/pdf": "PDF" };
const MB = MAX_ATTACHMENT_BYTES / (1024 * 1024);

/** Why a file cannot be sent, or undefined when the API would take it. */
export function fileProblem(file: File): string | undefined {
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return `${file.name}：只能上传 ${ATTACHMENT_TYPES.map((t) => TYPE_NAMES[t] ?? t).join("、")} 文件`;
  if (file.size > MAX_ATTACHMENT_BYTES) return `${file.name}：文件超过 ${MB} MB`;
  if (file.size === 0) return `${file.name}：文件是空的`;
  return undefined;
}

/**
 * `declare` asks the API for the attachment and its presigned PUT (one Idempotency-Key per file,
 * so a retried declaration is the same attachment); `onUploaded` runs after S3 has the bytes.
 */
export function EvidenceUpload({
  label,
  declare,
  onUploaded,
  multiple = true,
}: {
  label: string;
  declare: (file: DeclaredFile, headers: { "Idempotency-Key": string }) => Promise<PresignedUpload>;
  onUploaded?: () => void;
  multiple?: boolean;
}) {
  const id = useId();
  const [rows, setRows] = useState<Row[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const update = (key: string, patch: Partial<Row>) => setRows((r) => r.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  function send(file: File, key: string, target?: PresignedUpload) {
    const attempt = async () => {
      update(key, { state: "uploading", percent: 0, error: undefined });
      try {
        const presigned = target ?? (await declare({ fileName: file.name, contentType: file.type as DeclaredFile["contentType"], size: file.size }, { "Idempotency-Key": key }));
        target = presigned;
        await putToPresigned(presigned, file, (percent) => update(key, { percent }));
        update(key, { state: "done", percent: 100 });
        onUploaded?.();
      } catch (err) {
        update(key, { state: "failed", error: err instanceof Error && err.name === "UploadError" ? err.message : problemText(err), retry: attempt });
      }
    };
    void attempt();
  }

  function add(files: FileList | null) {
    if (!files?.length) return;
    const list = multiple ? [...files] : [...files].slice(0, 1);
    const bad = list.map(fileProblem).filter((p): p is string => p !== undefined);
    setProblems(bad);
    const ok = list.filter((f) => fileProblem(f) === undefined);
    const added = ok.map((f) => ({ file: f, key: crypto.randomUUID() }));
    setRows((r) => [...r, ...added.map(({ file, key }) => ({ key, name: file.name, percent: 0, state: "uploading" as const }))]);
    for (const { file, key } of added) send(file, key);
    if (input.current) input.current.value = "";
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    add(e.dataTransfer.files);
  };

  return (
    <div>
      <label
        htmlFor={id}
        className={over ? "drop-zone drop-zone-over" : "drop-zone"}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span className="drop-zone-title">{label}</span>
        <span className="drop-zone-hint">
          拖放文件到这里，或点击选择（{ATTACHMENT_TYPES.map((t) => TYPE_NAMES[t] ?? t).join("、")}，每个不超过 {MB} MB）
        </span>
      </label>
      <input id={id} ref={input} className="visually-hidden" type="file" multiple={multiple} accept={ATTACHMENT_TYPES.join(",")} onChange={(e) => add(e.target.files)} />
      {problems.map((p) => (
        <Alert key={p} type="error" showIcon title={p} style={{ marginTop: 8 }} />
      ))}
      <ul className="upload-rows" aria-label="上传进度">
        {rows.map((r) => (
          <li key={r.key}>
            <span className="upload-name">{r.name}</span>
            <Progress percent={r.percent} size="small" status={r.state === "failed" ? "exception" : r.state === "done" ? "success" : "active"} aria-label={`${r.name} 上传进度`} />
            {r.state === "done" && <span>已上传</span>}
            {r.state === "failed" && (
              <span>
                {r.error}{" "}
                <Button size="small" onClick={r.retry}>
                  重新上传
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
