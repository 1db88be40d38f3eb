import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PRESET_NAMES } from '@verticals/config-schema'
import { describe, expect, it } from 'vitest'
import { displayNameOf, drRegionFor, renderPlatformYaml } from '../src/platform-yaml'
import { TEMPLATE_DIR } from '../src/template-files'

const template = readFileSync(join(TEMPLATE_DIR, 'platform.yaml'), 'utf8')

describe('renderPlatformYaml', () => {
  it.each(PRESET_NAMES)('gives a valid config for the %s vertical', (vertical) => {
    const { platform, text } = renderPlatformYaml(template, { name: 'svc', vertical, region: 'sa-east-1' })
    expect(Object.keys(platform.verticals)).toEqual([vertical])
    expect(platform.metadata.name).toBe('svc')
    expect(platform.consent.purposes.booking?.legalBasis).toBe('consent')
    // The template's comments survive the rewrite.
    expect(text).toContain('# Consent: no purpose may ask for consent')
  })

  it('follows the region: primary, a different DR region and the hosting country’s law', () => {
    const eu = renderPlatformYaml(template, { name: 'svc', vertical: 'barber', region: 'eu-west-1' }).platform
    expect(eu.regions.map((r) => [r.name, r.role])).toEqual([
      ['eu-west-1', 'primary'],
      ['us-east-1', 'dr'],
    ])
    expect(eu.jurisdictions.map((j) => j.code)).toEqual(['AR', 'EU'])
    const us = renderPlatformYaml(template, { name: 'svc', vertical: 'barber', region: 'us-east-1' }).platform
    expect(us.regions.map((r) => r.name)).toEqual(['us-east-1', 'us-west-2'])
    expect(us.jurisdictions.map((j) => j.code)).toEqual(['AR'])
    // The replication follows the primary's country, and is no transfer within one country.
    expect(eu.dataResidency.transfers.map((t) => `${t.from}>${t.to}`)).toEqual(['IE>US', 'AR>US'])
    expect(us.dataResidency.transfers.map((t) => `${t.from}>${t.to}`)).toEqual(['AR>US'])
    expect(drRegionFor('us-east-1')).toBe('us-west-2')
  })

  it('refuses answers that make an invalid config, with its diagnostics', () => {
    const broken = template.replace('tag: 1.0.0', 'tag: latest')
    expect(() =>
      renderPlatformYaml(broken, { name: 'svc', vertical: 'barber', region: 'eu-west-1' }),
    ).toThrow(
      /--region eu-west-1 is not valid; nothing was written:\nplatform.yaml:\d+:\d+ +compute.image.tag/,
    )
  })

  it('changes only the answered lines: layout and comments stay byte for byte', () => {
    const { text } = renderPlatformYaml(template, { name: 'svc', vertical: 'beauty', region: 'eu-west-1' })
    const before = template.split('\n')
    const changed = text
      .split('\n')
      .map((line, i) => [before[i], line])
      .filter(([a, b]) => a !== b)
    expect(text.split('\n')).toHaveLength(before.length)
    expect(changed.map(([, line]) => line?.trim())).toEqual([
      'name: svc',
      'displayName: Svc',
      'jurisdictions: [AR, EU]',
      '- name: eu-west-1 # create-vertical --region sets this, and the DR region below',
      "- { from: IE, to: US, mechanism: model-clauses } # the copy in the DR region is a transfer under the primary's law",
      'beauty:',
    ])
  })

  it('turns the name into a display name', () => {
    expect(displayNameOf('my-booking-svc')).toBe('My Booking Svc')
  })
})
