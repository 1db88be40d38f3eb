import type { MonitoringContext } from './context'
import type { PanelSpec } from './dashboard-panels'
import { num, promDuration } from './promql'
import { budgets, burnWindows, objectives, type SloObjective } from './slo'
import { recordName, type Sli } from './slo-rules'

const SLIS: readonly Sli[] = ['availability', 'latency']

/**
 * One row per SLO (objective and SLI): its burn rate over the page windows, as the page alerts see
 * it (recorded error ratio / error budget, thresholds at the page factors), and the share of its
 * error budget of the SLO period still unspent.
 */
export function sloPanels(ctx: MonitoringContext): PanelSpec[][] {
  const { platform } = ctx
  const { page } = burnWindows(platform.slo.period)
  const windows = [...new Set(page.flatMap((w) => [w.long, w.short]))].sort((a, b) => a - b)
  const factors = [...new Set(page.map((w) => w.factor))].sort((a, b) => a - b)
  const period = promDuration(platform.slo.period)
  const row = (o: SloObjective, sli: Sli): PanelSpec[] => {
    const sel = ctx.own(o.market ? { market: o.market } : {})
    const budget = num(budgets(o)[sli])
    const where = o.market ?? 'all markets'
    const target =
      sli === 'availability' ? `${num(o.availability)}%` : `p95 under ${num(o.latency * 1000)} ms`
    return [
      {
        title: `SLO ${where} ${sli}: burn rate`,
        description: `Error budget burn rate of the ${target} objective over each page window (1 = the budget lasts exactly ${period}); pages fire above ${factors.map(num).join(' and ')}x when both windows of a pair agree.`,
        unit: 'short',
        queries: windows.map((w) => [
          `${recordName(o, sli, w)}${sel} / ${budget}`,
          `${promDuration(w)} window`,
        ]),
        steps: [['green', null] as const, ...factors.map((f, i) => [i === 0 ? 'orange' : 'red', f] as const)],
        min: 0,
      },
      {
        title: `SLO ${where} ${sli}: error budget remaining (${period})`,
        description: `Share of the ${target} objective's error budget over ${period} still unspent; below zero the objective is missed.`,
        type: 'stat',
        unit: 'percentunit',
        queries: [[`1 - (${recordName(o, sli, platform.slo.period)}${sel} / ${budget})`, where]],
        steps: [
          ['red', null],
          ['green', 0],
        ],
        max: 1,
      },
    ]
  }
  return objectives(platform, ctx.vertical).flatMap((o) => SLIS.map((sli) => row(o, sli)))
}
