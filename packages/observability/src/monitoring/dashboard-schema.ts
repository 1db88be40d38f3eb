import * as z from 'zod'

/** Grafana dashboard schema version we emit (Grafana 12). */
export const GRAFANA_SCHEMA_VERSION = 41

// biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a JS template
const datasource = z.strictObject({ type: z.literal('prometheus'), uid: z.literal('${datasource}') })
const target = z.strictObject({
  refId: z.string().regex(/^[A-Z]$/),
  expr: z.string().min(1),
  legendFormat: z.string(),
  datasource,
})
const thresholds = z.strictObject({
  mode: z.enum(['absolute', 'percentage']),
  steps: z.array(z.strictObject({ color: z.string(), value: z.number().nullable() })).min(1),
})
const panel = z.strictObject({
  id: z.number().int().positive(),
  type: z.enum(['timeseries', 'stat', 'bargauge']),
  title: z.string().min(1),
  description: z.string(),
  gridPos: z
    .strictObject({
      x: z.number().int().min(0),
      y: z.number().int().min(0),
      w: z.number().int().min(1),
      h: z.number().int().min(1),
    })
    .refine((g) => g.x + g.w <= 24, 'a panel must fit the 24-column grid'),
  datasource,
  targets: z.array(target).min(1),
  fieldConfig: z.strictObject({
    defaults: z.strictObject({
      unit: z.string(),
      min: z.number().optional(),
      max: z.number().optional(),
      thresholds,
    }),
    overrides: z.array(z.never()),
  }),
  options: z.record(z.string(), z.unknown()),
})

/** The parts of a Grafana dashboard JSON model that Verticals emits, checked strictly (no npm validator exists). */
export const dashboardSchema = z
  .strictObject({
    uid: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Grafana uids are at most 40 characters of [A-Za-z0-9_-]'),
    title: z.string().min(1),
    description: z.string(),
    tags: z.array(z.string()),
    timezone: z.string(),
    editable: z.boolean(),
    graphTooltip: z.number().int().min(0).max(2),
    schemaVersion: z.literal(GRAFANA_SCHEMA_VERSION),
    version: z.number().int().nonnegative(),
    refresh: z.string(),
    time: z.strictObject({ from: z.string(), to: z.string() }),
    templating: z.strictObject({
      list: z.array(
        z.strictObject({
          name: z.literal('datasource'),
          label: z.string(),
          type: z.literal('datasource'),
          query: z.literal('prometheus'),
          current: z.strictObject({}),
          hide: z.number().int(),
        }),
      ),
    }),
    annotations: z.strictObject({ list: z.array(z.never()) }),
    links: z.array(z.never()),
    panels: z.array(panel).min(1),
  })
  .superRefine((d, ctx) => {
    const ids = d.panels.map((p) => p.id)
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', message: 'panel ids must be unique' })
    for (const p of d.panels) {
      const refs = p.targets.map((t) => t.refId)
      if (new Set(refs).size !== refs.length)
        ctx.addIssue({ code: 'custom', message: `panel ${p.id} repeats a refId` })
    }
  })

/** A dashboard as we emit it. */
export type Dashboard = z.infer<typeof dashboardSchema>
/** One panel of it. */
export type Panel = Dashboard['panels'][number]
