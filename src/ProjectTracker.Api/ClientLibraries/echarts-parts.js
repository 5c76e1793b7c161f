// The parts of ECharts the dashboard draws with (bar and line charts on a grid, legend, canvas tooltips, the aria
// description, the canvas renderer), bundled by refresh.sh into wwwroot/lib/echarts/echarts.parts.min.js: about half
// the full build (1.1 MB), so the browser parses and runs half as much before the first chart. A chart type or component
// the app starts to use is added here, then refresh.sh is run again.
import { use, init, getInstanceByDom } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export { init, getInstanceByDom };
