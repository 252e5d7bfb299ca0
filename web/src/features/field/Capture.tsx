// The pieces the three capture forms share: enterprise choices from the cached field data, the
// hazard fields of one finding, the camera input, and saving into the outbox.
import { Alert, Form, Select, Typography } from "antd";
import { useQueries, useQuery } from "@tanstack/react-query";
import { $api } from "../../api/client";
import { readEnterprises } from "../../api/enterprises";
import { HazardFields, type HazardInput, hazardBody } from "../../components/HazardFields";
import type { Claims } from "../../auth/session";
import { useChecklists } from "../hazards/checklists";
import type { Copy } from "./offline";

export interface PhotoValue {
  files: File[];
}

/** The phone camera (or the gallery on a desktop); antd's Form.Item gives the input its id so the label names it. */
export function PhotoInput({ id, value, onChange }: { id?: string; value?: File[]; onChange?: (files: File[]) => void }) {
  return (
    <>
      <input id={id} type="file" accept="image/*" capture="environment" multiple onChange={(e) => onChange?.([...(e.target.files ?? [])])} />
      {value?.length ? <div>已选 {value.length} 张</div> : null}
    </>
  );
}

export interface EnterpriseOption {
  value: string;
  label: string;
  industryCode: string;
}

/**
 * Enterprises the caller may report on (the API scopes the register: a grid member's grid, an
 * inspector's region, an enterprise itself), with the current checklists of their industries;
 * all kept for offline use, so a finding can name its checklist item with no signal.
 */
export function useEnterpriseOptions(claims: Claims | undefined): EnterpriseOption[] {
  // Every page of the register, not only the first: offline, the form can only offer what was kept.
  const list = useQuery({
    queryKey: ["get", "/v1/enterprises", { params: { query: { limit: 100 } } }],
    enabled: !!claims,
    queryFn: async () => ({ items: await readEnterprises({ limit: 100 }), nextCursor: null }),
  });
  const options = (list.data?.items ?? []).map((e) => ({ value: e.id, label: e.name, industryCode: e.industryCode }));
  useIndustryChecklists(options);
  return options;
}

/** Fetches (and so keeps) the current checklists, items included, of every industry among the enterprises. */
function useIndustryChecklists(enterprises: EnterpriseOption[]) {
  const industries = [...new Set(enterprises.map((e) => e.industryCode))].sort();
  const lists = useQueries({ queries: industries.map((industryCode) => $api.queryOptions("get", "/v1/checklists", { params: { query: { industryCode } } })) });
  const ids = [...new Set(lists.flatMap((q) => (q.data?.items ?? []).filter((c) => c.current).map((c) => c.id)))];
  useQueries({ queries: ids.map((id) => $api.queryOptions("get", "/v1/checklists/{id}", { params: { path: { id } } })) });
}

/** Whether this screen will work without signal: how many enterprises and checklists the device keeps, and since when. */
export function OfflineCopy({ count, copy }: { count: number; copy?: Copy }) {
  if (!count) return <Alert type="warning" showIcon title="尚无可选企业：请在有网络时打开本页，以便离线使用" />;
  if (!copy) return null;
  return (
    <Typography.Paragraph type="secondary">
      本机已保存 {count} 家企业、{copy.checklists} 份排查清单，可离线使用（{new Date(copy.savedAt).toLocaleString("zh-CN", { hour12: false })}）
    </Typography.Paragraph>
  );
}

/**
 * The fields of one hazard; `name` is the Form.List prefix (or [] for a single hazard). The
 * enterprise is the finding's own field when `withEnterprise`, else `enterpriseId` (the
 * inspected or the caller's enterprise); its industry picks the checklist items offered.
 */
export function FindingFields({ name, enterprises, withEnterprise, enterpriseId }: { name: (string | number)[]; enterprises: EnterpriseOption[]; withEnterprise: boolean; enterpriseId?: string }) {
  const path = name.length ? ["findings", ...name] : [];
  const own = Form.useWatch([...path, "enterpriseId"]) as string | undefined;
  const industryCode = enterprises.find((e) => e.value === (withEnterprise ? own : enterpriseId))?.industryCode;
  const { checklists } = useChecklists(industryCode);
  return (
    <>
      {withEnterprise && (
        <Form.Item name={[...name, "enterpriseId"]} label="企业" rules={[{ required: true, message: "请选择企业" }]}>
          <Select options={enterprises} showSearch optionFilterProp="label" />
        </Form.Item>
      )}
      <Form.Item name={[...name, "checklistItemId"]} label="对应检查项（可选）">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          notFoundContent={industryCode ? "本行业排查清单中没有匹配的条目" : "请先选择企业"}
          options={checklists.map((c) => ({ label: c.name, title: c.name, options: c.items.map((i) => ({ value: i.code, label: `${i.code} ${i.check}` })) }))}
        />
      </Form.Item>
      <HazardFields list={name.length ? "findings" : undefined} name={name}>
        <Form.Item name={[...name, "photos"]} label="现场照片">
          <PhotoInput />
        </Form.Item>
      </HazardFields>
    </>
  );
}

export interface FindingInput extends HazardInput {
  enterpriseId?: string;
  checklistItemId?: string;
  photos?: File[];
}

/** A finding as the API takes it (no empty optional fields) and its photos apart. */
export function splitFinding(f: FindingInput) {
  const { photos, checklistItemId, enterpriseId, ...hazard } = f;
  return {
    finding: { ...(enterpriseId ? { enterpriseId } : {}), ...hazardBody(hazard), ...(checklistItemId ? { checklistItemId } : {}) },
    photos: photos ?? [],
  };
}
