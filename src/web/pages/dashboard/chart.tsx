/** An ECharts chart, loaded with the page that uses it (echarts-for-react over the core build). */
import ReactECharts from 'echarts-for-react';
import type { EChartsOption } from 'echarts';

export function Chart({ option, height = 300, 'data-testid': testId }: { option: EChartsOption; height?: number; 'data-testid'?: string }) {
  return (
    <div data-testid={testId}>
      <ReactECharts option={{ animation: false, ...option }} style={{ height, width: '100%' }} notMerge lazyUpdate opts={{ renderer: 'svg' }} />
    </div>
  );
}
