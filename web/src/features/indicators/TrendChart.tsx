// The year month by month against the annual death ceiling. ECharts is assembled from only the
// parts drawn here, so the page's chunk carries no more of it than it uses.
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { TAG } from "../../components/colors";

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface TrendMonth {
  month: number;
  monthly: { accidents: number; deaths: number };
  ytd: { accidents: number; deaths: number };
}

/** Monthly accidents and deaths as bars, deaths to date as a line, the ceiling as a marked level. */
export default function TrendChart({ trend, ceiling, label }: { trend: TrendMonth[]; ceiling: number | null; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: "svg" });
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    chart.setOption({
      animation: !reduced,
      aria: { enabled: true, label: { description: label } },
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 48, bottom: 28 },
      xAxis: { type: "category", data: trend.map((m) => `${m.month}月`) },
      yAxis: { type: "value", minInterval: 1, max: ceiling === null ? undefined : (v: { max: number }) => Math.max(v.max, ceiling) },
      series: [
        { name: "当月事故起数", type: "bar", data: trend.map((m) => m.monthly.accidents), itemStyle: { color: TAG.blue } },
        { name: "当月死亡人数", type: "bar", data: trend.map((m) => m.monthly.deaths), itemStyle: { color: TAG.orange } },
        {
          name: "累计死亡人数",
          type: "line",
          data: trend.map((m) => m.ytd.deaths),
          itemStyle: { color: TAG.red },
          ...(ceiling === null
            ? {}
            : { markLine: { symbol: "none", lineStyle: { color: TAG.red, type: "dashed" }, label: { formatter: `年度控制指标 ${ceiling}`, position: "insideEndTop" }, data: [{ yAxis: ceiling }] } }),
        },
      ],
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [trend, ceiling, label]);
  // Clipped: after the window narrows, the drawing keeps its old width until the observer resizes it.
  return <div ref={el} role="img" aria-label={label} style={{ width: "100%", height: 320, overflow: "hidden" }} />;
}
