/**
 * `npx tsx bench/trace-summary.ts FILE.json [--bins MS]`: where the page's main thread spent an
 * interaction, from a trace written by `npm run bench:ab -- … --trace DIR`. Self time per trace
 * event (UpdateLayoutTree = style, Layout, Paint, FunctionCall = script…), and with --bins a
 * timeline of the busiest events per bin. A CPU profile shows the native part as "(program)".
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const { values: opt, positionals } = parseArgs({
  options: { bins: { type: 'string' } },
  allowPositionals: true,
});

for (const file of positionals) {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const spans = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const t0 = spans[0]?.ts ?? 0;
  // Self time: each span minus its direct children (spans on one thread nest).
  const self = new Map<string, number>();
  const bins = new Map<number, Map<string, number>>();
  const binMs = opt.bins ? Number(opt.bins) : 0;
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      const ms = (top.e.dur! - top.child) / 1000;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + ms);
      if (binMs > 0) {
        const b = Math.floor((top.e.ts - t0) / 1000 / binMs);
        const m = bins.get(b) ?? new Map<string, number>();
        m.set(top.e.name, (m.get(top.e.name) ?? 0) + ms);
        bins.set(b, m);
      }
    }
  };
  for (const e of spans) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur!;
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const busy = [...self].filter(([n]) => n !== 'ThreadControllerImpl::RunTask').reduce((s, [, v]) => s + v, 0);
  console.log(`${file}\n  main thread ${busy.toFixed(1)} ms in spans`);
  for (const [n, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16))
    if (ms >= 0.5) console.log(`  ${ms.toFixed(1).padStart(7)} ${n}`);
  for (const [b, m] of [...bins].sort((x, y) => x[0] - y[0])) {
    const top = [...m].sort((x, y) => y[1] - x[1]).filter(([, v]) => v >= 0.5);
    if (top.length > 0)
      console.log(
        `  ${String(b * binMs).padStart(5)} ${top
          .slice(0, 4)
          .map(([n, v]) => `${n} ${v.toFixed(1)}`)
          .join(' | ')}`,
      );
  }
}
