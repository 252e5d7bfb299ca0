// Enforcement inspections on the regulator's desktop: entered after the visit with its findings
// (each becomes a hazard with source enforcement), refused field by field when the API refuses,
// found again in the list by date, and acted on from the hazard's record page.
import { randomUUID } from "node:crypto";
import { describe, it } from "vitest";
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();
const ENTERPRISE = "武汉江岸精细化工有限公司";

/** A Beijing business date `days` from today. */
const shanghaiDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe("regulators' enforcement inspections", () => {
  it("the county enters an inspection with two findings, its record lists the hazards, and a finding fixed on the spot is accepted from its page", async () => {
    const tag = randomUUID().slice(0, 6);
    const fixed = `安全出口指示灯损坏 ${tag}`;
    const major = `液氨罐区可燃气体报警器失效 ${tag}`;
    const page = await web.page(DESKTOP);
    await signIn(page, "county-regulator");
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "执法检查" }).click();
    await page.getByRole("heading", { name: "执法检查" }).waitFor();
    await page.getByRole("button", { name: "录入执法检查" }).click();

    await page.getByLabel("被检查企业").fill("江岸精细");
    await page.locator(`.ant-select-item-option[title="${ENTERPRISE}"]`).click();
    // A date after today: the API refuses it and its message lands on the date field.
    await page.getByLabel("检查日期").fill(shanghaiDay(1));
    await page.getByLabel("执法人员1姓名").fill("赵执法");
    await page.getByLabel("执法人员1执法证号").fill("HB-0420-0001");
    await page.getByLabel("执法人员2姓名").fill("钱执法");
    await page.getByRole("button", { name: "添加检查发现" }).click();
    await page.getByLabel("隐患描述").fill(fixed);
    await page.getByLabel("位置").fill("二号厂房东侧");
    await page.getByLabel("整改期限").fill(shanghaiDay(3));
    await page.getByRole("checkbox", { name: "现场已整改" }).check();
    await page.getByRole("button", { name: "添加检查发现" }).click();
    const second = page.getByRole("group", { name: "检查发现 2" });
    await second.getByRole("radio", { name: "重大隐患" }).check();
    await second.getByLabel("隐患描述").fill(major);
    await second.getByLabel("位置").fill("液氨罐区");
    await second.getByLabel("整改期限").fill(shanghaiDay(30));
    await second.getByLabel("现状及成因").fill("报警器探头老化失效，未定期检定");
    await second.getByLabel("危害程度和整改难易程度分析").fill("泄漏无法及时发现，可能导致中毒；更换探头即可，难度小");
    await page.getByLabel("检查情况").fill("检查液氨罐区和二号厂房");
    await expectAccessible(page);
    await page.getByRole("heading", { name: "录入执法检查" }).scrollIntoViewIfNeeded();
    await screenshot(page, "inspection-entry");
    await page.getByRole("button", { name: "保存检查记录" }).click();
    await page.getByText("检查日期不能晚于今天", { exact: true }).waitFor();

    await page.getByLabel("检查日期").fill(shanghaiDay(0));
    await page.getByRole("button", { name: "保存检查记录" }).click();
    await page.waitForURL(/\/inspections\/[0-9A-Z]{26}$/);
    await page.getByRole("heading", { name: `${ENTERPRISE} · ${shanghaiDay(0)} 执法检查` }).waitFor();
    await page.getByRole("heading", { name: "发现的隐患（2）" }).waitFor();
    await page.getByText("赵执法（HB-0420-0001）、钱执法").waitFor();
    await page.getByRole("link", { name: major }).waitFor();
    await page.getByRole("cell", { name: "录入执法检查" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "← 执法检查" }).scrollIntoViewIfNeeded();
    await screenshot(page, "inspection-record");
    const record = page.url();

    await page.getByRole("link", { name: fixed }).click();
    await page.getByRole("link", { name: "查看执法检查" }).waitFor();
    await page.getByText("已整改待验收").waitFor();
    await page.getByRole("button", { name: /^验\s?收$/ }).click();
    await page.getByText("已销号").waitFor();
    await page.getByRole("cell", { name: "验收销号" }).waitFor();
    await expectAccessible(page);

    // The list finds it by date; from tomorrow on, nothing; a range ending before it starts is the API's 400.
    await page.goto(`/inspections?from=${shanghaiDay(0)}`);
    await page.locator(`a[href="${new URL(record).pathname}"]`).waitFor();
    await page.getByLabel("检查日期自").fill(shanghaiDay(1));
    await page.getByText("没有符合条件的执法检查").waitFor();
    await page.getByLabel("至", { exact: true }).fill(shanghaiDay(0));
    await page.getByText("结束日期不能早于开始日期").waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it("the inspection list and the entry form fit a phone", async () => {
    const page = await web.page(PHONE);
    await signIn(page, "city-regulator");
    await page.goto("/inspections");
    await page.getByRole("button", { name: "录入执法检查" }).waitFor();
    await page.getByLabel("区域").waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.goto("/inspections/new");
    await page.getByRole("button", { name: "添加检查发现" }).click();
    await page.getByLabel("隐患描述").waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.context().close();
  });
});
