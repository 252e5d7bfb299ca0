import { ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { TAG } from "../../components/colors";

interface ClockFields {
  dueDate: string | null;
  workingDaysUsed: number | null;
  workingDaysLeft: number | null;
  paused: boolean;
  overdue: boolean;
}

/** The statutory clock as the API computed it, said in words and a mark as well as colour. */
export function ClockText({ c }: { c: ClockFields }) {
  if (c.workingDaysLeft === null) return <span>未受理，尚未计时</span>;
  const color = c.overdue ? TAG.red : c.paused ? TAG.grey : c.workingDaysLeft <= 3 ? TAG.orange : TAG.green;
  const mark = c.overdue ? "已超期" : c.paused ? "暂停计时" : c.workingDaysLeft <= 3 ? "临近期限" : "计时中";
  const Icon = c.overdue || (!c.paused && c.workingDaysLeft <= 3) ? WarningOutlined : c.paused ? PauseCircleOutlined : ClockCircleOutlined;
  return (
    <span style={{ color, fontWeight: 600 }}>
      <Icon aria-hidden /> {mark} · 已用 {c.workingDaysUsed} 个工作日 · 剩余 {c.workingDaysLeft} 个工作日 · {c.dueDate} 到期
    </span>
  );
}
