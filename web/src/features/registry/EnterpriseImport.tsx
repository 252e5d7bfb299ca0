import { Alert, Button, Flex, Progress, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { problemText } from "../../api/problem";
import { TAG } from "../../components/colors";
import { importRows, readRows, resultTable, type RowProblem, type RowResult, type SheetRow, STATUS_TEXT, templateTable, validateRows } from "./importer";
import { downloadCsv, downloadTemplateXlsx, readTable } from "./sheets";

type Stage =
  | { step: "choose"; error?: string }
  | { step: "checking"; file: string; done: number; total: number }
  | { step: "preview"; file: string; rows: SheetRow[]; problems: RowProblem[] }
  | { step: "importing"; file: string; done: number; total: number }
  | { step: "done"; file: string; results: RowResult[] };

const STATUS_COLOR = { created: TAG.green, existing: TAG.blue, failed: TAG.red } as const;

/** Bulk registration from a filled-in template: the API checks every row, the user sees the problems, then confirms. */
export default function EnterpriseImport() {
  const [stage, setStage] = useState<Stage>({ step: "choose" });

  async function check(file: File) {
    try {
      const { rows, missing } = readRows(await readTable(file));
      if (missing.length > 0) return setStage({ step: "choose", error: `文件缺少以下列：${missing.join("、")}。请使用模板。` });
      if (rows.length === 0) return setStage({ step: "choose", error: "文件中没有企业数据。" });
      setStage({ step: "checking", file: file.name, done: 0, total: rows.length });
      const problems = await validateRows(api, rows, (done) => setStage({ step: "checking", file: file.name, done, total: rows.length }));
      setStage({ step: "preview", file: file.name, rows, problems });
    } catch (err) {
      setStage({ step: "choose", error: `无法读取或核对文件：${problemText(err)}` });
    }
  }

  async function run(file: string, rows: SheetRow[], problems: RowProblem[]) {
    const bad = new Map<number, string[]>();
    for (const p of problems) bad.set(p.line, [...(bad.get(p.line) ?? []), `${p.column ? `${p.column}：` : ""}${p.message}`]);
    const good = rows.filter((r) => !bad.has(r.line));
    setStage({ step: "importing", file, done: 0, total: good.length });
    const created = await importRows(api, good, (done) => setStage({ step: "importing", file, done, total: good.length }));
    const skipped: RowResult[] = [...bad].map(([line, messages]) => ({ line, status: "failed", message: `未导入：${messages.join("；")}` }));
    setStage({ step: "done", file, results: [...created, ...skipped].sort((a, b) => a.line - b.line) });
  }

  return (
    <div style={{ maxWidth: 960 }}>
      <Typography.Title level={2}>批量导入企业</Typography.Title>
      <p className="page-lead">按模板填写后上传 .xlsx 或 .csv 文件。每一行先由平台按登记规则逐项核对（统一社会信用代码校验位、行政区划、行业代码等），核对结果确认后才登记；同一文件重复导入不会重复登记。</p>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Button onClick={() => void downloadTemplateXlsx()}>下载模板（.xlsx）</Button>
        <Button onClick={() => downloadCsv("企业批量导入模板.csv", templateTable())}>下载模板（.csv）</Button>
      </Flex>

      {(stage.step === "choose" || stage.step === "done" || stage.step === "preview") && (
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <Button type={stage.step === "choose" ? "primary" : "default"}>{stage.step === "choose" ? "选择文件" : "选择其他文件"}</Button>
        </Upload>
      )}
      {stage.step === "choose" && stage.error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={stage.error} />}

      {(stage.step === "checking" || stage.step === "importing") && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text>{stage.step === "checking" ? `正在核对 ${stage.file}` : `正在登记 ${stage.file}`}：{`${stage.done} / ${stage.total} 行`}</Typography.Text>
          <Progress percent={stage.total ? Math.floor((stage.done / stage.total) * 100) : 0} aria-label={stage.step === "checking" ? "核对进度" : "导入进度"} />
        </div>
      )}

      {stage.step === "preview" && <Preview stage={stage} onConfirm={() => void run(stage.file, stage.rows, stage.problems)} />}
      {stage.step === "done" && <Results stage={stage} />}
    </div>
  );
}

function Preview({ stage, onConfirm }: { stage: Extract<Stage, { step: "preview" }>; onConfirm: () => void }) {
  const badRows = new Set(stage.problems.map((p) => p.line)).size;
  const good = stage.rows.length - badRows;
  return (
    <section aria-label="核对结果" style={{ marginTop: 16 }}>
      <Alert
        type={badRows ? "warning" : "success"}
        showIcon
        title={`${stage.file}：共 ${stage.rows.length} 行，${good} 行无误，${badRows} 行有问题${badRows ? "（有问题的行不会导入，可修改后重新导入）" : ""}`}
      />
      {badRows > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(p) => `${p.line}-${p.column}-${p.message}`}
          dataSource={stage.problems}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: "max-content" }}
          columns={[
            { title: "行号", dataIndex: "line", width: 80 },
            { title: "列", dataIndex: "column", width: 160 },
            { title: "问题", dataIndex: "message" },
          ]}
        />
      )}
      <Button type="primary" style={{ marginTop: 12 }} disabled={good === 0} onClick={onConfirm}>
        {`确认导入 ${good} 行`}
      </Button>
    </section>
  );
}

function Results({ stage }: { stage: Extract<Stage, { step: "done" }> }) {
  const count = (s: RowResult["status"]) => stage.results.filter((r) => r.status === s).length;
  return (
    <section aria-label="导入结果" style={{ marginTop: 16 }}>
      <Alert type={count("failed") ? "warning" : "success"} showIcon title={`导入完成：新登记 ${count("created")} 家，已存在 ${count("existing")} 家，失败 ${count("failed")} 行`} />
      <Button style={{ marginTop: 12 }} onClick={() => downloadCsv(`导入结果-${stage.file.replace(/\.\w+$/, "")}.csv`, resultTable(stage.results))}>
        下载导入结果（.csv）
      </Button>
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="line"
        dataSource={stage.results}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: "max-content" }}
        columns={[
          { title: "行号", dataIndex: "line", width: 80 },
          { title: "结果", key: "status", render: (_: unknown, r) => <Tag color={STATUS_COLOR[r.status]}>{STATUS_TEXT[r.status]}</Tag> },
          { title: "企业编号", dataIndex: "enterpriseId" },
          { title: "说明", dataIndex: "message" },
        ]}
      />
    </section>
  );
}
