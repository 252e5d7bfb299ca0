import { CheckCircleOutlined, DownloadOutlined, ExclamationCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { App, Breadcrumb, Button, Flex, Form, InputNumber, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { mayCall } from "../../api/access";
import { $api } from "../../api/client";
import { problemText } from "../../api/problem";
import { TAG } from "../../components/colors";
import { QueryState } from "../../components/QueryState";
import { useStatsParams } from "./params";
import { useSession } from "../../auth/session";
import { buildReport, reportCsv, reportXlsx, save } from "./report";
import TrendChart from "./TrendChart";

const WARNING = {
  none: { text: "正常", color: TAG.green, Icon: CheckCircleOutlined },
  attention: { text: "关注（≥80%）", color: TAG.orange, Icon: ExclamationCircleOutlined },
  exceeded: { text: "超标（≥100%）", color: TAG.red, Icon: WarningOutlined },
} as const;

/** The API's warning level in words and an icon as well as colour. */
function Warning({ level }: { level: keyof typeof WARNING }) {
  const w = WARNING[level];
  return (
    <span style={{ color: w.color, fontWeight: 600, whiteSpace: "nowrap" }}>
      <w.Icon aria-hidden /> {w.text}
    </span>
  );
}

/** Counts as they are; rates to four significant digits. */
const num = (n: number | null) => (n === null ? "—" : Number.isInteger(n) ? n.toLocaleString("zh-CN") : Number(n.toPrecision(4)).toString());
const pct = (n: number | null) => (n === null ? "—" : `${Math.round(n * 100)}%`);

/** The official report of the figures on screen, as CSV or .xlsx. */
function ReportDownloads({ data }: { data: Parameters<typeof buildReport>[0] }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async (kind: "csv" | "xlsx") => {
    setBusy(true);
    try {
      const rep = buildReport(data);
      save(kind === "csv" ? reportCsv(rep) : await reportXlsx(rep), `${rep.fileName}.${kind}`);
    } catch (err) {
      message.error(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined aria-hidden />} onClick={() => download("csv")} disabled={busy}>
        下载 CSV
      </Button>
      <Button icon={<DownloadOutlined aria-hidden />} onClick={() => download("xlsx")} loading={busy}>
        下载 Excel 报表
      </Button>
    </Space>
  );
}

/** Control indicators of a year for a region and its children, drilling down province → city → county. */
export default function Indicators() {
  const { year, get, set: go } = useStatsParams();
  const role = useSession()?.claims.role;
  const regionCode = get("region");
  const query = $api.useQuery("get", "/v1/statistics/control-indicators", { params: { query: { year, regionCode } } });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2}>控制指标</Typography.Title>
      <Flex gap={16} wrap align="center">
        <Form layout="inline">
          <Form.Item label="年度" htmlFor="ind-year">
            <InputNumber id="ind-year" min={2015} max={2100} value={year} onChange={(v) => v && go("year", String(v))} />
          </Form.Item>
        </Form>
        {mayCall(role, "PUT /v1/control-targets/{year}/{regionCode}") && <Link to={`/control-targets?year=${year}`}>下达指标和统计基数</Link>}
      </Flex>
      <QueryState query={query} notFound="该年度尚无汇总数据">
        {(data) =>
          // The route also answers text/csv; this page asked for JSON.
          typeof data === "string" ? null : (
          <>
            <Breadcrumb
              items={[
                ...(data.region.parentCode ? [{ title: <Link to={`?year=${year}&region=${data.region.parentCode}`}>上一级</Link> }] : []),
                { title: data.region.regionName },
              ]}
            />
            <Typography.Paragraph>
              {`${data.year} 年 1–${data.month} 月累计（截至 ${data.region.asOfDate}），时间进度 ${pct(data.region.yearElapsed)}。`}
              <span>本级：</span>
              <Warning level={data.region.warning} />
            </Typography.Paragraph>
            <ReportDownloads data={data} />
            <Table
              rowKey="regionCode"
              size="small"
              pagination={false}
              scroll={{ x: "max-content" }}
              caption="下级地区"
              dataSource={data.children}
              locale={{ emptyText: <span style={{ color: "#595959" }}>没有下级地区</span> }}
              columns={[
                {
                  title: "地区",
                  key: "r",
                  render: (_: unknown, r) => (r.level === "county" ? r.regionName : <Link to={`?year=${year}&region=${r.regionCode}`}>{r.regionName}</Link>),
                },
                { title: "事故起数", key: "a", render: (_: unknown, r) => r.ytd.accidents },
                { title: "死亡人数", key: "d", render: (_: unknown, r) => r.ytd.deaths },
                { title: "直接经济损失（元）", key: "l", render: (_: unknown, r) => r.ytd.directLossYuan.toLocaleString("zh-CN") },
                { title: "预警", key: "w", render: (_: unknown, r) => <Warning level={r.warning} /> },
              ]}
            />
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: "max-content" }}
              caption="本级各项指标"
              dataSource={data.region.indicators}
              columns={[
                { title: "指标", dataIndex: "name" },
                { title: "累计", key: "v", render: (_: unknown, i) => num(i.value) },
                { title: "控制数", key: "c", render: (_: unknown, i) => (i.ceiling === null ? "未下达" : num(i.ceiling)) },
                { title: "已用比例", key: "s", render: (_: unknown, i) => pct(i.shareUsed) },
                { title: "预警", key: "w", render: (_: unknown, i) => <Warning level={i.warning} /> },
              ]}
            />
            <Typography.Title level={3}>逐月趋势</Typography.Title>
            <TrendChart
              trend={data.trend}
              ceiling={data.region.indicators.find((i) => i.id === "deaths")?.ceiling ?? null}
              label={`${data.region.regionName} ${data.year} 年逐月事故起数和死亡人数：${data.trend.map((m) => `${m.month}月 ${m.monthly.accidents} 起 ${m.monthly.deaths} 人`).join("，")}；累计死亡 ${data.region.ytd.deaths} 人`}
            />
          </>
        )}
      </QueryState>
    </Flex>
  );
}
