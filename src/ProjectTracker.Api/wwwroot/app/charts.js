// ECharts, the parts the dashboard uses, bundled from its npm package (wwwroot/lib/echarts, by ClientLibraries/refresh.sh). Tooltips are
// drawn in the canvas (renderMode richText): HTML tooltips carry inline styles, which the app's CSP does not allow.
import * as echarts from '../lib/echarts/echarts.parts.min.js';

const palette = ['#1f5fa8', '#d9822b', '#2e8540', '#8e44ad', '#c0392b'];

/** A chart in `element` (each drawing of a panel is a new element, so none holds a chart yet), resized with the window; `onClick(params)` for drill-down. Returns the chart. */
export function chart(element, option, onClick) {
  const instance = echarts.init(element, null, { renderer: 'canvas' });
  instance.setOption({
    color: palette,
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 64 },
    ...option,
  });
  if (onClick) instance.on('click', onClick);
  return instance;
}

export function disposeAll(root) {
  root.querySelectorAll('.chart').forEach((element) => echarts.getInstanceByDom(element)?.dispose());
}

window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach((element) => echarts.getInstanceByDom(element)?.resize()));
