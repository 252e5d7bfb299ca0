import { ClockCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { useEffect, useState } from "react";
import { TAG } from "./colors";

function span(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const s = Math.floor((Math.abs(ms) % 60_000) / 1000);
  return h > 0 ? `${h}小时${m}分` : `${m}分${String(s).padStart(2, "0")}秒`;
}

/**
 * A live countdown to a deadline the API computed ("剩余 1小时23分" / "已超时 5分"), ticking each
 * second; the text, not only the colour, says whether it has passed.
 */
export function Countdown({ dueAt, label = "剩余" }: { dueAt: string; label?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = new Date(dueAt).getTime() - now;
  const over = left < 0;
  const soon = !over && left < 30 * 60_000;
  return (
    <span data-testid="countdown" style={{ color: over ? TAG.red : soon ? TAG.orange : TAG.green, fontWeight: 600, whiteSpace: "nowrap" }}>
      {over || soon ? <WarningOutlined aria-hidden /> : <ClockCircleOutlined aria-hidden />} {over ? `已超时 ${span(left)}` : `${label} ${span(left)}`}
    </span>
  );
}

/** "2026-11-28 16:30" in Beijing time. */
export function when(iso: string | undefined | null): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
}
