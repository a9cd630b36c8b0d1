import { Global } from 'recharts';

/*
 * recharts measures text in the page (a hidden span's getBoundingClientRect) for three things
 * these charts do not use: thinning an axis's ticks (every axis here shows all of its own,
 * interval={0}), wrapping a label to a width, and the grid's lines on a chart's first render,
 * which it places from the axes' defaults (thinned by measuring every tick label) before the
 * real axes have registered, then draws again. Each first measure forces a synchronous layout
 * of the whole page in the middle of React's render: 10–45 ms on opening Trends or Outcomes, and
 * on new tick labels after a metric switch (issue 12). `Global.isSsr`, recharts' public switch
 * for rendering without a DOM, turns all of them off; the charts need none.
 */
Global.isSsr = true;
