/**
 * ECharts, only the parts the dashboard draws (bar charts, SVG), in a chunk of its own that is
 * loaded by the pages with a chart.
 */
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export { init };
