// Turning a problem+json answer into what the screen shows.
import { ApiError } from "./client";

/** "items.0.result" → ["items", 0, "result"], the antd Form name path. */
export function fieldName(path: string): (string | number)[] {
  return path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The Chinese sentence for a failed call. */
export function problemText(err: unknown): string {
  if (!(err instanceof ApiError)) return `网络错误：${(err as Error)?.message ?? err}`;
  if (err.status === 503) return `服务暂时繁忙，请${err.retryAfterSeconds ? ` ${err.retryAfterSeconds} 秒后` : "稍后"}重试`;
  if (err.status === 409) return `${err.problem.detail ?? "记录已被他人修改或当前状态不允许此操作"}（已刷新为最新状态）`;
  return err.problem.detail ?? err.problem.title ?? `请求失败（${err.status}）`;
}

