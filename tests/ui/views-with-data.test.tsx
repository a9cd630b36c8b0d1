/**
 * Every view rendered with data (issue 12): each view component as the app mounts it, its
 * queries answered by the engine over the fixture dataset (tests/db/fixture.ts), and the figures
 * of that dataset found in what it renders.
 */
import type { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setStatus } from '../../src/db/status';
import { DEFAULT_STATE, type UrlState } from '../../src/state';
import CompareView from '../../src/ui/views/compare/CompareView';
import OutcomesView from '../../src/ui/views/outcomes/OutcomesView';
import PivotView from '../../src/ui/views/pivot/PivotView';
import QualityView from '../../src/ui/views/quality/QualityView';
import ReportView from '../../src/ui/views/report/ReportView';
import TrendsView from '../../src/ui/views/trends/TrendsView';
import { FIXTURE } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';
import { renderWithData, testQueryClient, textOf, useDatasetReady, withUiState } from './render-with-data';

const engine = vi.hoisted(() => ({ db: null as TestDb | null }));
vi.mock('../../src/db/handle', () => ({ getDatabase: () => engine.db }));

const idOf = (unit: string) => FIXTURE.reports.find((r) => r.unit === unit)!.unit_id;
const JIYUAN = idOf('济源市人民政府');
const HONGZE = idOf('洪泽区人民政府');

beforeAll(async () => {
  const db = await openTestDb();
  await loadFixture(db, FIXTURE);
  engine.db = db;
  await useDatasetReady(db);
}, 120_000);

afterAll(() => {
  setStatus({ phase: 'idle' });
  vi.restoreAllMocks();
});

/** The view's text with the state `patch` on top of the defaults (data tables shown). */
async function render(
  View: () => React.ReactNode,
  patch: Partial<UrlState> = {},
  client?: QueryClient,
): Promise<string> {
  withUiState({ ...DEFAULT_STATE, table: true, ...patch });
  return textOf(await renderWithData(<View />, client));
}

/** The database queries named `name` that renders with `client` asked for. */
const asked = (client: QueryClient, name: string) =>
  client.getQueryCache().findAll({ queryKey: ['db', name] }).length;

/** Those that were also answered (a disabled query is in the cache, never fetched). */
const fetched = (client: QueryClient, name: string) =>
  client
    .getQueryCache()
    .findAll({ queryKey: ['db', name] })
    .filter((q) => q.state.dataUpdateCount + q.state.errorUpdateCount > 0).length;

describe('views rendered with data', () => {
  it('对比: each chosen unit with its 2021 value (new requests) and its failed checks', async () => {
    const text = await render(CompareView, { units: [JIYUAN, HONGZE], year: 2021 });
    expect(text).toContain('本年新收申请 · 2021');
    expect(text).toContain('济源市 河南省 2021 20 0 洪泽区 江苏省 2021 4 0');
    // No unit chosen: every unit of the year, the largest first.
    const all = await render(CompareView, { year: 2021 });
    expect(all).toMatch(/济源市 河南省 2021 20 0 .*局☃ 河南省 2021 7 1 洪泽区 江苏省 2021 4 0/);
  });

  it('趋势: each unit’s years in order with their values; the missing year named', async () => {
    const text = await render(TrendsView, { units: [JIYUAN, HONGZE] });
    expect(text).toContain('洪泽区 2021 2021 4 洪泽区 2022 2021 6 济源市 2019 2019 10 济源市 2021 2021 20');
    expect(text).toContain('济源市 2020');
    // Relative to the first year: 济源市 2021 is 200 (20 / 10, across the format change: †), 洪泽区 2022 150 (6 / 4).
    const relative = await render(TrendsView, { units: [JIYUAN, HONGZE], trendMode: 'relative' });
    expect(relative).toContain('洪泽区 2022 2021 150 6 济源市 2019 2019 100 10 济源市 2021 2021 200 † 20');
  });

  it('趋势: switching mode re-shapes the answer it has, asking DuckDB nothing', async () => {
    const client = testQueryClient();
    await render(TrendsView, { units: [JIYUAN, HONGZE] }, client);
    const relative = await render(TrendsView, { units: [JIYUAN, HONGZE], trendMode: 'relative' }, client);
    const yoy = await render(TrendsView, { units: [JIYUAN, HONGZE], trendMode: 'yoy' }, client);
    expect(fetched(client, 'trends')).toBe(1);
    expect(relative).toContain('洪泽区 2022 2021 150 6 济源市 2019 2019 100 10 济源市 2021 2021 200 † 20');
    // 洪泽区 2022 against 2021: +50 %; 济源市 2021 has no 2020 report to compare with.
    expect(yoy).toContain(
      '洪泽区 2021 2021 — 4 洪泽区 2022 2021 50% 6 济源市 2019 2019 — 10 济源市 2021 2021 — 20',
    );
  });

  it('趋势 and 办理结果 ask for the top units only when none is chosen (DuckDB answers one query at a time)', async () => {
    for (const View of [TrendsView, OutcomesView]) {
      const chosen = testQueryClient();
      await render(View, { units: [JIYUAN, HONGZE] }, chosen);
      expect(fetched(chosen, 'compare')).toBe(0);
      const none = testQueryClient();
      await render(View, { units: [] }, none);
      expect(fetched(none, 'compare')).toBe(1);
    }
  });

  it('办理结果: counts and shares per outcome group, in either mode', async () => {
    const client = testQueryClient();
    const share = await render(OutcomesView, { units: [JIYUAN, HONGZE], year: 2021 }, client);
    expect(share).toContain('济源市 予以公开 10 50.0% 济源市 部分公开 2 10.0%');
    expect(share).toContain('洪泽区 予以公开 4 100.0%');
    const count = await render(
      OutcomesView,
      { units: [JIYUAN, HONGZE], year: 2021, outcome: { ...DEFAULT_STATE.outcome, mode: 'count' } },
      client,
    );
    expect(count).toContain('济源市 无法提供 3 15.0%');
    expect(count).toContain('已选 2 个单位 · 件数 ·');
    // Count or share is how the answer is shown, not another question.
    expect(asked(client, 'outcomes')).toBe(1);
    // No unit chosen: the top units of the latest year (2022: 洪泽区 alone), with their 2021 outcomes.
    const top = await render(OutcomesView, { year: 2021 }, client);
    expect(top).toContain('洪泽区 予以公开 4 100.0%');
    expect(top).not.toContain('济源市');
  });

  it('透视: total handled by year, with the grand total; shares of it', async () => {
    const client = testQueryClient();
    const sum = await render(PivotView, {}, client);
    // 2019: 11 (济源市); 2021: 20 + 4 + 7; 2022: 6.
    expect(sum).toContain('合计 11 31 6 48');
    const share = await render(
      PivotView,
      { pivot: { ...DEFAULT_STATE.pivot, measure: { kind: 'share', of: 'total' } } },
      client,
    );
    expect(share).toMatch(/合计 22\.9% 64\.6% 12\.5% 100(\.0)?%/);
    // A share is the sum's answer shown otherwise; a rate is another question.
    expect(asked(client, 'pivot')).toBe(1);
    const rate = await render(
      PivotView,
      { pivot: { ...DEFAULT_STATE.pivot, measure: { kind: 'rate', metric: 'rate.disclosure' } } },
      client,
    );
    expect(asked(client, 'pivot')).toBe(2);
    // (granted + partially granted) ÷ total handled: 6/11, (12+4+7)/31, 3/6, 32/48.
    expect(rate).toContain('透视表 · 比率：公开率');
    expect(rate).toContain('合计 54.5% 74.2% 50.0% 66.7%');
  });

  it('年报: the chosen unit’s printed tables with their figures', async () => {
    const text = await render(ReportView, { units: [JIYUAN], year: 2021 });
    expect(text).toContain('济源市 · 2021 年度报告');
    expect(text).toContain('本年新收申请 15 5 20');
    expect(text).toContain('不予公开·国家秘密 /');
    expect(text).toContain('行政复议 2 2 0 0 4');
    expect(text).toContain('处理决定数量 120');
  });

  it('数据质量: coverage counts and the failed checks with expected and actual values', async () => {
    const text = await render(QualityView);
    expect(text).toContain('已报送 5 · 有问题 2 · 未收集 4');
    expect(text).toContain('未通过的校验（2 / 2）');
    expect(text).toMatch(/洪泽区 2022 表三收支平衡.* 表三 · 总计 6 0 /);
    // Problems only: every fixture unit lacks a year or fails a check, so all stay.
    const problems = await render(QualityView, { quality: { ...DEFAULT_STATE.quality, problemsOnly: true } });
    expect(problems).toContain('已报送 5 · 有问题 2 · 未收集 4');
    // A rule chosen: only the unit failing it, its years only.
    const rule = await render(QualityView, {
      quality: { ...DEFAULT_STATE.quality, rule: 'table3.column_balance' },
    });
    expect(rule).toContain('已报送 2 · 有问题 1 · 未收集 1');
  });
});
