import { RECORDS_SOURCES } from '../transfer-sources'
import { isAdequate, type TransferFlow, transferFlows } from '../transfers'
import { err, type Rule, type RuleFinding, reference } from './shared'

// What the records of processing need from platform.yaml: the DPO where LGPD applies, the AAIP
// registration where Ley 25.326 applies, recipients that name declared classes and verticals, and a
// mechanism for every international transfer (storage is checked by the transfers rule).

function officers(config: Parameters<Rule>[0]): RuleFinding[] {
  const { controller } = config.metadata
  const out: RuleFinding[] = []
  if (config.jurisdictions.includes('BR') && !controller.dpo)
    out.push(
      err(
        'DPO_MISSING',
        ['metadata', 'controller'],
        `LGPD applies (BR is declared) and requires a data protection officer: ${RECORDS_SOURCES.dpo}; declare metadata.controller.dpo with name and contact`,
      ),
    )
  if (config.jurisdictions.includes('AR') && !controller.aaipRegistration)
    out.push(
      err(
        'AAIP_REGISTRATION_MISSING',
        ['metadata', 'controller'],
        `Ley 25.326 applies (AR is declared) and requires the databases to be registered: ${RECORDS_SOURCES.aaipRegistration}; declare metadata.controller.aaipRegistration`,
      ),
    )
  return out
}

function recipientReferences(...[config, platform]: Parameters<Rule>): RuleFinding[] {
  const classes = Object.keys(platform.dataClasses)
  const verticals = Object.keys(config.verticals)
  return Object.entries(config.recipients).flatMap(([key, r]) => [
    ...(r.receives === 'all'
      ? []
      : r.receives.flatMap((name, i) =>
          reference(['recipients', key, 'receives', i], 'data class', name, classes),
        )),
    ...(r.verticals ?? []).flatMap((name, i) =>
      reference(['recipients', key, 'verticals', i], 'vertical', name, verticals),
    ),
  ])
}

function uncovered(flow: TransferFlow, drIndex: number): RuleFinding | null {
  if (flow.mechanism !== null || flow.declared !== null || flow.cause.kind === 'storage') return null
  const what =
    flow.cause.kind === 'recipient'
      ? `recipient ${flow.cause.recipient} processes ${flow.from} personal data in ${flow.to}`
      : `${flow.cause.to} replicates the data stored in ${flow.cause.from} (${flow.from}) to ${flow.to}`
  const path =
    flow.cause.kind === 'recipient'
      ? ['recipients', flow.cause.recipient, 'country']
      : ['regions', drIndex, 'name']
  return err(
    'TRANSFER_UNDECLARED',
    path,
    `${what}, which is not on the adequacy list of ${flow.from}'s law: declare a transfer { from: ${flow.from}, to: ${flow.to}, mechanism } in dataResidency.transfers`,
  )
}

/** The controller's officers, recipients and international transfers the records of processing list. */
export const recordsOfProcessing: Rule = (config, platform) => {
  const findings = [...officers(config), ...recipientReferences(config, platform)]
  config.dataResidency.transfers.forEach((t, i) => {
    if (t.mechanism || isAdequate(t.from, t.to)) return
    findings.push(
      err(
        'TRANSFER_MECHANISM_MISSING',
        ['dataResidency', 'transfers', i],
        `the transfer ${t.from}→${t.to} has no mechanism and ${t.to} is not on the adequacy list of ${t.from}'s law: add mechanism (model-clauses, binding-corporate-rules or consent)`,
      ),
    )
  })
  const drIndex = config.regions.findIndex((r) => r.role === 'dr')
  for (const flow of transferFlows(platform)) {
    const finding = uncovered(flow, drIndex)
    if (finding) findings.push(finding)
  }
  return findings
}
