// Seed approval catalogue (审批服务指南). The notice (鄂安办〔2015〕60号, task 3) speaks of the provincial
// department's "7大类16小项"; it does not name them, so the split below is ours, built from the
// licences and reviews the department issues under 安全生产许可证条例 and the related statutes:
//   1 安全生产许可证核发 (3): 危险化学品生产企业, 非煤矿矿山企业, 烟花爆竹生产企业
//   2 危险化学品安全使用和烟花爆竹批发许可 (2): 烟花爆竹经营（批发）, 危险化学品安全使用
//   3 安全生产技术服务机构资质认可 (2): 安全评价机构（乙级）, 职业卫生技术服务机构（乙级）
//   4 特种作业人员操作资格 (2): 特种作业操作证核发（考核发证）, 特种作业操作证复审
//   5 主要负责人和安全生产管理人员考核 (1)
//   6 第一类非药品类易制毒化学品许可 (2): 生产, 经营
//   7 建设项目安全设施审查 (4): 危险化学品建设项目安全条件审查 and 安全设施设计审查,
//     非煤矿矿山建设项目 and 金属冶炼建设项目安全设施设计审查
//   = 16 items in 7 categories (inProvincialList: true).
// 危险化学品经营许可证 is issued by cities and counties (危险化学品安全管理条例 art. 35), not by the
// province, so it is outside the 16: it is listed (inProvincialList: false, issuer city_county) so the
// public catalogue and the power list still show who holds it.
//
// Limits (each item carries its limit and the provision setting it, rules.ts DECISION_LIMITS): 行政许可法
// art. 42's 20 working days unless the item's own statute sets another, which wins: 45 for the three
// 安全生产许可证 items (安全生产许可证条例 art. 7), 30 for the fireworks wholesale licence (烟花爆竹安全管理条例
// art. 19; the retail licence's 20 days there is a county matter, not in this catalogue).
// Fees are 0 for every item: 行政许可法 art. 58 forbids charging for granting a licence.
// Validity years come from each item's rules (null where the decision is an opinion, not a licence).
// This is data: admins edit it (versioned); validateApprovalItem() checks every edit.

import {
  APPROVAL_FEE_YUAN,
  DECISION_LIMITS,
  SAFETY_LICENCE_VALIDITY_YEARS,
  type ApprovalItem,
  type ApprovalStage,
  type Issuer,
} from "./rules.js";

export const CATEGORIES = [
  "安全生产许可证核发",
  "危险化学品安全使用和烟花爆竹批发许可",
  "安全生产技术服务机构资质认可",
  "特种作业人员操作资格",
  "主要负责人和安全生产管理人员考核",
  "第一类非药品类易制毒化学品许可",
  "建设项目安全设施审查",
] as const;

const ACCEPTANCE: ApprovalStage = {
  stage: "acceptance",
  reviewed: "申请事项是否属于本机关职权范围；申请材料是否齐全、是否符合法定形式",
  standard:
    "材料齐全、符合法定形式的当场受理并出具加盖印章、注明日期的受理凭证；材料不齐全的当场或在5个工作日内一次性告知需补正的全部内容，逾期不告知的自收到材料之日起即为受理；不属于本机关职权的不予受理并告知向有关机关申请",
  keyPoints: ["对照材料清单逐项核对", "核验证照原件与复印件一致", "补正告知一次列明全部缺项", "受理、不予受理均出具书面凭证"],
  integrityRisks: ["对符合条件的申请拖延或拒绝受理", "多次要求补正、未一次性告知", "为关系人受理不符合条件的申请", "索取、收受申请人财物"],
  misconductConsequence: "依照《行政许可法》第七十二条由上级机关或监察机关责令改正；情节严重的，对直接负责的主管人员和其他直接责任人员依法给予处分",
};

const DECISION: ApprovalStage = {
  stage: "decision",
  reviewed: "审查意见、现场核查或专家评审结论及全部材料是否完整、结论是否有据",
  standard:
    "符合法定条件、标准的依法作出准予许可的书面决定；不符合的作出不予许可的书面决定，说明理由并告知申请行政复议或提起行政诉讼的权利；法定期限内不能作出决定的经本机关负责人批准延长10个工作日并告知理由",
  keyPoints: ["决定人与审查人分离", "在法定期限内作出决定", "专家评审、检测、现场核查所需时间书面告知申请人且不计入期限", "决定文书载明理由"],
  integrityRisks: ["对不符合条件的申请人准予许可", "对符合条件的申请人不予许可或超期作出决定", "越权作出许可决定", "利用职务便利谋取利益"],
  misconductConsequence: "依照《行政许可法》第七十三条、第七十四条责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分；构成犯罪的依法追究刑事责任",
};

const DELIVERY: ApprovalStage = {
  stage: "delivery",
  reviewed: "许可证件记载事项与许可决定是否一致",
  standard: "自作出准予许可决定之日起10个工作日内颁发、送达许可证件，并公开许可结果",
  keyPoints: ["证件编号、持证单位、许可范围、有效期与决定一致", "送达并留存送达回证", "在门户网站公开许可结果"],
  integrityRisks: ["故意拖延发证或借送达索取好处", "擅自变更证件记载事项"],
  misconductConsequence: "依照《行政许可法》第七十二条、第七十三条追究责任；构成犯罪的依法追究刑事责任",
};

const REVIEW_RISKS = ["降低标准出具审查通过意见", "现场核查中接受宴请、礼品或指定评价、技术服务机构", "泄露申请人商业秘密或专家评审意见"];

function review(reviewed: string, standard: string, keyPoints: string[]): ApprovalStage {
  return {
    stage: "review",
    reviewed,
    standard,
    keyPoints,
    integrityRisks: REVIEW_RISKS,
    misconductConsequence: "依照《行政许可法》第七十四条责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分；构成犯罪的依法追究刑事责任",
  };
}

interface ItemSpec {
  code: string;
  name: string;
  category: (typeof CATEGORIES)[number];
  inProvincialList?: boolean;
  legalBasis: string[];
  issuer: Issuer;
  safetyLicence?: boolean;
  /** The item's own statute sets its decision limit (default: 行政许可法 art. 42, or art. 7 of 安全生产许可证条例 for safety licences). */
  limit?: { days: number; basis: string };
  licenceValidityYears: number | null;
  materials: string[];
  review: ApprovalStage;
}

function item(spec: ItemSpec): ApprovalItem {
  const limit = spec.limit ?? (spec.safetyLicence ? DECISION_LIMITS.safetyLicence : DECISION_LIMITS.general);
  return {
    code: spec.code,
    name: spec.name,
    category: spec.category,
    inProvincialList: spec.inProvincialList ?? true,
    legalBasis: spec.legalBasis,
    issuer: spec.issuer,
    limitWorkingDays: limit.days,
    limitBasis: limit.basis,
    licenceValidityYears: spec.licenceValidityYears,
    fee: APPROVAL_FEE_YUAN,
    materials: spec.materials,
    stages: [ACCEPTANCE, spec.review, DECISION, DELIVERY],
  };
}

const BASE_LICENCE_MATERIALS = ["申请书", "营业执照"];
const SAFETY_LICENCE_BASIS = "《安全生产许可证条例》第二条、第六条、第七条、第九条";

export const APPROVAL_CATALOGUE: readonly ApprovalItem[] = [
  // 1 安全生产许可证核发
  item({
    code: "AQ01-01",
    name: "危险化学品生产企业安全生产许可证核发",
    category: "安全生产许可证核发",
    legalBasis: [SAFETY_LICENCE_BASIS, "《危险化学品安全管理条例》第十四条", "《危险化学品生产企业安全生产许可证实施办法》（原国家安全生产监督管理总局令第41号）"],
    issuer: "province_delegable",
    safetyLicence: true,
    licenceValidityYears: SAFETY_LICENCE_VALIDITY_YEARS,
    materials: [
      ...BASE_LICENCE_MATERIALS,
      "安全生产责任制、安全生产规章制度和岗位操作安全规程目录",
      "安全生产管理机构设置及专职安全生产管理人员配备文件",
      "主要负责人、分管安全负责人和安全生产管理人员考核合格证明",
      "特种作业人员操作证",
      "安全生产费用提取和使用情况报告",
      "工伤保险缴费证明",
      "危险化学品事故应急预案备案登记表",
      "安全评价报告",
      "危险化学品登记证",
    ],
    review: review(
      "选址布局、工艺装置、安全设施、自动化控制、重大危险源管控、人员资质和应急管理",
      "符合《安全生产许可证条例》第六条和41号令规定的安全生产条件",
      ["安全评价报告结论及问题整改情况", "重点监管危险化工工艺装置实现自动化控制", "重大危险源登记建档并设置监测监控", "现场核查装置与申请许可范围一致"],
    ),
  }),
  item({
    code: "AQ01-02",
    name: "非煤矿矿山企业安全生产许可证核发",
    category: "安全生产许可证核发",
    legalBasis: [SAFETY_LICENCE_BASIS, "《非煤矿矿山企业安全生产许可证实施办法》（原国家安全生产监督管理总局令第20号）"],
    issuer: "province_delegable",
    safetyLicence: true,
    licenceValidityYears: SAFETY_LICENCE_VALIDITY_YEARS,
    materials: [
      ...BASE_LICENCE_MATERIALS,
      "采矿许可证",
      "安全生产责任制、安全生产规章制度和操作规程",
      "安全生产管理机构设置及安全生产管理人员配备文件",
      "主要负责人和安全生产管理人员考核合格证明",
      "特种作业人员操作证",
      "安全设施竣工验收资料",
      "安全现状评价报告",
      "工伤保险缴费证明",
      "生产安全事故应急预案",
    ],
    review: review(
      "采掘工艺、通风防尘、防排水、提升运输、尾矿库及人员资质",
      "符合《安全生产许可证条例》第六条和《金属非金属矿山安全规程》",
      ["采矿许可范围与申请一致", "地下矿山通风、排水、提升系统和安全出口", "尾矿库等别与安全度", "安全设施竣工验收结论"],
    ),
  }),
  item({
    code: "AQ01-03",
    name: "烟花爆竹生产企业安全生产许可证核发",
    category: "安全生产许可证核发",
    legalBasis: [SAFETY_LICENCE_BASIS, "《烟花爆竹安全管理条例》", "《烟花爆竹生产企业安全生产许可证实施办法》（原国家安全生产监督管理总局令第54号）"],
    issuer: "province",
    safetyLicence: true,
    licenceValidityYears: SAFETY_LICENCE_VALIDITY_YEARS,
    materials: [
      ...BASE_LICENCE_MATERIALS,
      "工厂总平面布置图及内外部安全距离说明",
      "生产工艺及危险工序说明",
      "安全生产管理制度和岗位安全操作规程",
      "主要负责人和安全生产管理人员考核合格证明",
      "危险工序作业人员特种作业操作证",
      "安全评价报告",
      "防雷装置检测报告",
      "工伤保险缴费证明",
    ],
    review: review(
      "厂区布局与安全距离、危险品生产区和仓库、防雷防静电、危险工序人员持证",
      "符合《烟花爆竹安全管理条例》规定的生产条件和《烟花爆竹工程设计安全规范》",
      ["内外部安全距离", "危险工序定员定量", "防爆电气和防雷设施检测合格", "机械化生产替代人工情况"],
    ),
  }),
  // 2 危险化学品安全使用和烟花爆竹批发许可
  item({
    code: "AQ02-01",
    name: "烟花爆竹经营（批发）许可证核发",
    category: "危险化学品安全使用和烟花爆竹批发许可",
    legalBasis: ["《烟花爆竹安全管理条例》第十六条、第十七条、第十九条", "《烟花爆竹经营许可实施办法》（原国家安全生产监督管理总局令第65号）"],
    // art. 19: the province or a city it entrusts, deciding within 30 days of acceptance.
    issuer: "province_delegable",
    limit: DECISION_LIMITS.fireworksWholesale,
    licenceValidityYears: 3,
    materials: [
      ...BASE_LICENCE_MATERIALS,
      "仓库总平面布置图及安全距离说明",
      "储存仓库竣工验收资料",
      "安全管理制度和岗位安全操作规程",
      "主要负责人和安全管理人员考核合格证明",
      "保管员、仓库守护员培训合格证明",
      "安全评价报告",
      "事故应急救援预案",
      "防雷装置检测报告",
    ],
    review: review(
      "经营场所和储存仓库、安全距离、储存能力、人员配备和应急救援条件",
      "符合《烟花爆竹安全管理条例》第十七条规定的批发条件",
      ["仓库与周边建筑、设施的安全距离", "储存限量与分类存放", "防火防雷防静电设施", "保管员、守护员在岗"],
    ),
  }),
  item({
    code: "AQ02-02",
    name: "危险化学品安全使用许可证核发",
    category: "危险化学品安全使用和烟花爆竹批发许可",
    legalBasis: ["《危险化学品安全管理条例》第二十九条", "《危险化学品安全使用许可证实施办法》（原国家安全生产监督管理总局令第57号）"],
    issuer: "province_delegable",
    licenceValidityYears: 3,
    materials: [
      ...BASE_LICENCE_MATERIALS,
      "新建企业建设项目安全设施竣工验收意见",
      "安全生产责任制、安全生产规章制度和岗位操作规程",
      "安全生产管理机构设置及人员配备文件",
      "主要负责人和安全生产管理人员考核合格证明",
      "特种作业人员操作证",
      "重大危险源备案证明（如有）",
      "危险化学品事故应急预案",
      "安全评价报告",
    ],
    review: review(
      "使用危险化学品的品种、数量和工艺，储存设施，安全设施，重大危险源管控和应急能力",
      "符合《危险化学品安全管理条例》第三十条和57号令规定的条件",
      ["使用量达到规定数量", "储存设施与安全距离", "安全联锁和紧急切断设施", "应急救援器材配备"],
    ),
  }),
  item({
    code: "AQ02-90",
    name: "危险化学品经营许可证核发",
    category: "危险化学品安全使用和烟花爆竹批发许可",
    inProvincialList: false,
    legalBasis: ["《危险化学品安全管理条例》第三十三条、第三十五条", "《危险化学品经营许可证管理办法》（原国家安全生产监督管理总局令第55号）"],
    issuer: "city_county",
    licenceValidityYears: 3,
    materials: [
      ...BASE_LICENCE_MATERIALS,
      "经营和储存场所产权或租赁证明",
      "安全生产规章制度和岗位操作规程",
      "主要负责人和安全生产管理人员考核合格证明",
      "危险化学品事故应急预案",
      "储存设施安全评价报告（带储存的）",
    ],
    review: review(
      "经营场所、储存设施、人员资质和管理制度",
      "符合《危险化学品安全管理条例》第三十四条规定的经营条件",
      ["经营场所与储存设施符合国家标准", "剧毒、易制爆化学品的专项管理", "人员经考核合格"],
    ),
  }),
  // 3 安全生产技术服务机构资质认可
  item({
    code: "AQ03-01",
    name: "安全评价机构资质认可（乙级）",
    category: "安全生产技术服务机构资质认可",
    legalBasis: ["《中华人民共和国安全生产法》", "《安全评价机构管理规定》（原国家安全生产监督管理总局令第22号）"],
    issuer: "province",
    licenceValidityYears: 3,
    materials: ["申请书", "法人资格证明", "固定资产和工作场所证明", "专职安全评价师名单及资格、劳动合同和社会保险证明", "内部管理制度和安全评价过程控制文件", "法定代表人承诺书"],
    review: review(
      "法人资格、资产和场所、专职安全评价师数量与专业结构、过程控制体系",
      "符合22号令规定的乙级资质条件",
      ["安全评价师专职在岗、不在两家机构执业", "业务范围与人员专业能力相适应", "过程控制体系运行记录"],
    ),
  }),
  item({
    code: "AQ03-02",
    name: "职业卫生技术服务机构资质认可（乙级）",
    category: "安全生产技术服务机构资质认可",
    legalBasis: ["《中华人民共和国职业病防治法》", "《职业卫生技术服务机构监督管理暂行办法》（原国家安全生产监督管理总局令第50号）"],
    issuer: "province",
    licenceValidityYears: 3,
    materials: ["申请书", "法人资格证明", "工作场所和实验室证明", "专业技术人员名单及培训合格证明", "仪器设备清单及检定校准证书", "质量管理体系文件"],
    review: review(
      "专业技术人员、检测仪器设备、实验室条件和质量管理体系",
      "符合50号令规定的乙级资质条件",
      ["专业技术人员数量与培训合格", "仪器设备检定校准有效", "实验室能力验证结果"],
    ),
  }),
  // 4 特种作业人员操作资格
  item({
    code: "AQ04-01",
    name: "特种作业操作证核发",
    category: "特种作业人员操作资格",
    legalBasis: ["《中华人民共和国安全生产法》第三十条", "《特种作业人员安全技术培训考核管理规定》（原国家安全生产监督管理总局令第30号）"],
    issuer: "province_delegable",
    // 30号令: valid 6 years nationwide, reviewed every 3 years (item AQ04-02).
    licenceValidityYears: 6,
    materials: ["申请表", "身份证明", "学历证明", "医院体检合格证明", "安全技术培训合格证明"],
    review: review(
      "申请人年龄、身体条件、文化程度、培训及考试成绩",
      "年满18周岁、身体健康无妨碍从事相应作业的疾病和生理缺陷、具有初中及以上文化程度，安全技术理论和实际操作考试均合格",
      ["考试成绩真实、考务记录完整", "体检证明有效", "作业类别与培训考试一致"],
    ),
  }),
  item({
    code: "AQ04-02",
    name: "特种作业操作证复审",
    category: "特种作业人员操作资格",
    legalBasis: ["《特种作业人员安全技术培训考核管理规定》（原国家安全生产监督管理总局令第30号）"],
    issuer: "province_delegable",
    licenceValidityYears: null,
    materials: ["复审申请表", "特种作业操作证", "医院体检合格证明", "从业期间安全生产情况说明", "安全培训考试合格记录"],
    review: review(
      "持证期间的作业情况、违章和事故记录、身体条件及复审培训",
      "身体健康、复审培训考试合格、持证期间无严重违章或事故责任",
      ["复审期限届满前60日内提出", "事故和违章记录核查", "继续教育学时"],
    ),
  }),
  // 5 主要负责人和安全生产管理人员考核
  item({
    code: "AQ05-01",
    name: "危险物品生产经营储存单位、矿山、金属冶炼单位主要负责人和安全生产管理人员安全生产知识和管理能力考核",
    category: "主要负责人和安全生产管理人员考核",
    legalBasis: ["《中华人民共和国安全生产法》第二十七条", "《生产经营单位安全培训规定》（原国家安全生产监督管理总局令第3号）", "《安全生产培训管理办法》（原国家安全生产监督管理总局令第44号）"],
    issuer: "province_delegable",
    licenceValidityYears: 3,
    materials: ["考核申请表", "身份证明", "任职文件", "学历证明", "安全培训合格证明"],
    review: review(
      "申请人任职、培训学时和考试成绩",
      "培训学时达到规定要求，考试合格",
      ["考试身份核验", "培训机构和学时真实", "考试题库和评分记录完整"],
    ),
  }),
  // 6 第一类非药品类易制毒化学品许可
  item({
    code: "AQ06-01",
    name: "第一类非药品类易制毒化学品生产许可",
    category: "第一类非药品类易制毒化学品许可",
    legalBasis: ["《易制毒化学品管理条例》第二章（生产、经营管理）", "《非药品类易制毒化学品生产、经营许可办法》（原国家安全生产监督管理总局令第5号）"],
    issuer: "province",
    licenceValidityYears: 3,
    materials: [...BASE_LICENCE_MATERIALS, "危险化学品安全生产许可证（属危险化学品的）", "生产设备、仓储设施和污染物处理设施说明", "易制毒化学品管理制度和环境突发事件应急预案", "主要负责人和技术、管理人员的专业知识证明及无毒品犯罪记录证明", "企业法定代表人和技术、管理人员的身份证明"],
    review: review(
      "生产设备、仓储设施、管理制度、人员资质和无毒品犯罪记录",
      "符合《易制毒化学品管理条例》和5号令规定的生产条件",
      ["品种、产量与生产能力相符", "出入库和流向台账制度", "相关人员无毒品犯罪记录"],
    ),
  }),
  item({
    code: "AQ06-02",
    name: "第一类非药品类易制毒化学品经营许可",
    category: "第一类非药品类易制毒化学品许可",
    legalBasis: ["《易制毒化学品管理条例》第二章（生产、经营管理）", "《非药品类易制毒化学品生产、经营许可办法》（原国家安全生产监督管理总局令第5号）"],
    issuer: "province",
    licenceValidityYears: 3,
    materials: [...BASE_LICENCE_MATERIALS, "危险化学品经营许可证（属危险化学品的）", "经营场所和仓储设施说明", "易制毒化学品经营管理制度和销售台账制度", "主要负责人和销售、管理人员的专业知识证明及无毒品犯罪记录证明"],
    review: review(
      "经营场所、仓储设施、管理制度、人员资质和无毒品犯罪记录",
      "符合《易制毒化学品管理条例》和5号令规定的经营条件",
      ["购销台账和客户身份核验制度", "仓储设施专库专人", "相关人员无毒品犯罪记录"],
    ),
  }),
  // 7 建设项目安全设施审查
  item({
    code: "AQ07-01",
    name: "危险化学品建设项目安全条件审查",
    category: "建设项目安全设施审查",
    legalBasis: ["《中华人民共和国安全生产法》第三十二条", "《危险化学品安全管理条例》第十二条", "《危险化学品建设项目安全监督管理办法》（原国家安全生产监督管理总局令第45号）"],
    issuer: "province_delegable",
    licenceValidityYears: null,
    materials: ["建设项目安全条件审查申请书", "建设（规划）主管部门出具的选址文件", "建设项目安全评价报告", "项目立项（备案、核准）文件", "工商营业执照或企业名称预先核准通知书"],
    review: review(
      "建设项目选址、周边环境、外部安全距离、工艺技术来源和安全评价结论",
      "符合国家产业政策、当地规划和布局，外部安全防护距离符合国家标准",
      ["与周边重要设施的安全距离", "工艺技术成熟可靠", "安全评价报告质量"],
    ),
  }),
  item({
    code: "AQ07-02",
    name: "危险化学品建设项目安全设施设计审查",
    category: "建设项目安全设施审查",
    legalBasis: ["《中华人民共和国安全生产法》第三十三条", "《危险化学品建设项目安全监督管理办法》（原国家安全生产监督管理总局令第45号）"],
    issuer: "province_delegable",
    licenceValidityYears: null,
    materials: ["建设项目安全设施设计审查申请书", "设计单位资质证明", "建设项目安全设施设计专篇", "建设项目安全条件审查意见书"],
    review: review(
      "安全设施设计专篇：工艺安全、自动控制和安全仪表、防火防爆、总图布置",
      "安全设施设计符合有关法律法规、国家标准和安全条件审查意见",
      ["危险与可操作性分析（HAZOP）结论落实", "安全仪表系统设计", "安全条件审查意见落实情况"],
    ),
  }),
  item({
    code: "AQ07-03",
    name: "非煤矿矿山建设项目安全设施设计审查",
    category: "建设项目安全设施审查",
    legalBasis: ["《中华人民共和国安全生产法》第三十三条", "《建设项目安全设施“三同时”监督管理办法》（原国家安全生产监督管理总局令第36号）"],
    issuer: "province_delegable",
    licenceValidityYears: null,
    materials: ["建设项目安全设施设计审查申请", "设计单位资质证明", "建设项目安全设施设计", "建设项目安全预评价报告及相关文件", "建设项目审批、核准或备案文件"],
    review: review(
      "开采方式、通风、防排水、提升运输、尾矿库等安全设施设计",
      "安全设施设计符合《金属非金属矿山安全规程》等国家标准和安全预评价要求",
      ["安全出口和避灾路线", "通风系统能力", "防治水方案", "安全预评价对策措施落实"],
    ),
  }),
  item({
    code: "AQ07-04",
    name: "金属冶炼建设项目安全设施设计审查",
    category: "建设项目安全设施审查",
    legalBasis: ["《中华人民共和国安全生产法》第三十三条", "《建设项目安全设施“三同时”监督管理办法》（原国家安全生产监督管理总局令第36号）"],
    issuer: "province_delegable",
    licenceValidityYears: null,
    materials: ["建设项目安全设施设计审查申请", "设计单位资质证明", "建设项目安全设施设计", "建设项目安全预评价报告及相关文件", "建设项目审批、核准或备案文件"],
    review: review(
      "高温熔融金属、煤气等危险区域的安全设施设计和总图布置",
      "安全设施设计符合冶金行业安全规程等国家标准和安全预评价要求",
      ["熔融金属吊运和泄漏防护", "煤气区域监测报警和防护", "安全预评价对策措施落实"],
    ),
  }),
];

/** The notice's 16 provincial items. */
export const PROVINCIAL_ITEMS: readonly ApprovalItem[] = APPROVAL_CATALOGUE.filter((i) => i.inProvincialList);
