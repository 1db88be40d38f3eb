import { describe, expect, it } from 'vitest'
import { examplePlatform } from '../testing/example'
import { verticalOf } from '../vertical'
import { scrapeConfig } from './scrape'

const platform = examplePlatform()

describe('scrapeConfig', () => {
  it('labels everything Prometheus sends with the primary region and the cluster', () => {
    expect(scrapeConfig(platform, verticalOf(platform, 'barber')).global.external_labels).toEqual({
      region: 'sa-east-1',
      cluster: `${platform.metadata.name}-sa-east-1`,
    })
    const named = { ...platform, monitoring: { ...platform.monitoring, cluster: 'prod-a' } }
    expect(scrapeConfig(named, verticalOf(named, 'barber')).global.external_labels.cluster).toBe('prod-a')
  })
})
