// The field outbox: what was captured on this device and where each item stands
// (待同步 / 同步中 / 已提交 / 需处理), the connection state, and 同步 on demand.
import { Alert, Button, List, Space, Tag, Typography } from "antd";
import { useNavigate } from "react-router";
import { mayCall } from "../../api/access";
import { TAG } from "../../components/colors";
import { type OutboxState, removeDone, STATE_LABEL } from "./outbox";
import { useField } from "./useField";

const STATE_COLOR: Record<OutboxState, string> = { pending: TAG.gold, syncing: TAG.blue, done: TAG.green, refused: TAG.red };

const CAPTURE = [
  { to: "/field/patrol", label: "网格巡查上报", api: "POST /v1/grid-patrols" },
  { to: "/field/hazard", label: "隐患上报", api: "POST /v1/hazards" },
  { to: "/field/inspection", label: "执法检查记录", api: "POST /v1/enforcement-inspections" },
] as const;

export default function FieldHome() {
  const { claims, owner, online, items, sync } = useField();
  const navigate = useNavigate();
  const waiting = items.filter((i) => i.state !== "done").length;
  const done = items.length - waiting;
  return (
    <>
      <Typography.Title level={2}>外勤采集</Typography.Title>
      {online ? null : <Alert type="warning" showIcon title="当前离线：记录保存在本机，联网后自动同步" style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 16 }}>
        {CAPTURE.filter((c) => mayCall(claims?.role, c.api)).map((c) => (
          <Button key={c.to} onClick={() => navigate(c.to)}>
            {c.label}
          </Button>
        ))}
        <Button type="primary" disabled={!online || waiting === 0} onClick={() => void sync()}>
          同步
        </Button>
        <Button disabled={done === 0} onClick={() => void removeDone(owner)}>
          清除已提交
        </Button>
      </Space>
      <Typography.Title level={3}>待发送记录（{waiting}）</Typography.Title>
      <List
        aria-label="外勤记录"
        dataSource={[...items].reverse()}
        locale={{ emptyText: "本机没有外勤记录" }}
        renderItem={(item) => (
          <List.Item
            aria-label={item.title}
            actions={
              item.state === "refused"
                ? [
                    <Button key="resend" size="small" disabled={!online} onClick={() => void sync(item.id)}>
                      重新发送
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={STATE_COLOR[item.state]}>{STATE_LABEL[item.state]}</Tag>
                  <span>{item.title}</span>
                </Space>
              }
              description={
                <>
                  <div>保存于 {new Date(item.savedAt).toLocaleString("zh-CN", { hour12: false })}</div>
                  {item.photos.length ? (
                    <div>
                      照片 {item.photos.filter((p) => p.uploaded).length}/{item.photos.length} 已上传
                    </div>
                  ) : null}
                  {item.message ? <div role={item.state === "refused" ? "alert" : undefined}>{item.message}</div> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
