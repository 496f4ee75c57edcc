import { useEffect, useRef } from 'react';
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the dashboard draws, rendered as SVG: crisp on paper, and no canvas to lose when printing.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** The app's own colours, the primary first; steady, distinguishable, and legible in black-and-white print. */
const PALETTE = ['#b5391f', '#2f6fb5', '#d99a1e', '#3a8f5c', '#7a5ba8', '#8c5a3c', '#4a9fb5', '#8c8c8c'];

/**
 * An ECharts chart themed like the rest of the app (antd's type size and colours), in the user's
 * language (echarts' own words: ZH or EN), without animation (nothing moves for people who read
 * slowly, and a print shows the final picture). `summary` says the chart in words for screen readers.
 */
export function Chart({ option, height = 260, width, summary, testId }: { option: ChartOption; height?: number; width?: number; summary: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { token } = theme.useToken();
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en-US' ? 'EN' : 'ZH';
  useEffect(() => {
    const chart = echarts.init(ref.current!, undefined, { renderer: 'svg', locale });
    chart.setOption({
      color: PALETTE,
      animation: false,
      textStyle: { fontFamily: token.fontFamily, fontSize: 13, color: token.colorText },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', textStyle: { fontSize: 14 } },
      legend: { top: 0, textStyle: { fontSize: 13 } },
      ...option,
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(ref.current!);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, locale, token.fontFamily, token.colorText]);
  return <div ref={ref} role="img" aria-label={summary} style={{ height, width: width ?? '100%' }} data-testid={testId} />;
}
