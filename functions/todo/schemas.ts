// Response shape of the to-do list.
import * as z from "zod/mini";
import { components, field, Timestamp } from "../../shared/schemas.js";
import { TODO_KINDS } from "./rules.js";

const Kind = field(
  z.enum(TODO_KINDS),
  "待办类别：accident_forward 事故待本级转报，application 审批申请待办理，hazard_review 重大隐患复查核销，hazard_rectification 隐患整改到期，hazard_filing 隐患统计报表待报送，inspection_task 失信企业检查约谈，licence_expiry 许可证即将到期。Kind.",
);

export const TodoItem = z.object({
  kind: Kind,
  title: field(z.string(), "待办标题。Title."),
  record: field(
    z.object({
      type: field(z.enum(["hazard", "accident", "application", "hazard_filing", "licence", "inspection_task"]), "记录类型。Record type."),
      id: field(z.string(), "记录编号（报表为期间，许可证为证号）。Record id (a period for filings, the number for licences)."),
      path: field(z.string(), "读取该记录的 API 路径。API path of the record."),
    }),
    "待办所指的记录。The record the item is about.",
  ),
  regionCode: field(z.optional(z.string()), "记录所在行政区划代码。Region code."),
  enterpriseId: field(z.optional(z.string()), "相关企业编号。Enterprise id."),
  deadline: field(Timestamp, "期限（按日计的期限为当日 24 时，北京时间）。Deadline."),
  overdue: field(z.boolean(), "是否已超期。Overdue."),
  daysLeft: field(z.number(), "距期限的自然日数（北京时间），超期为负。Calendar days left; negative when overdue."),
  hoursLeft: field(z.number(), "距期限的整小时数，超期为负。Whole hours left; negative when overdue."),
  workingDaysLeft: field(z.optional(z.nullable(z.number())), "审批申请：决定期限剩余工作日（受理前为 null）。Applications: working days left on the decision clock (null before acceptance)."),
});

export const TodoList = z.object({
  asOf: field(Timestamp, "计算时刻。As of."),
  total: field(z.number(), "各类待办合计。Total of all kinds."),
  counts: field(z.array(z.object({ kind: Kind, total: field(z.number(), "该类待办总数。Total of the kind.") })), "各类待办总数（列表每类最多 20 条）。Totals by kind (at most 20 items of each kind are listed)."),
  items: field(z.array(TodoItem), "待办，按紧急程度（期限先后）排列。Items, most urgent first."),
});

components({ TodoItem, TodoList }, { TodoItem: "一条待办。A to-do item.", TodoList: "调用者的待办。The caller's to-do list." });
