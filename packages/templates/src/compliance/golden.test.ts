import { describeGolden } from '../testing/golden'
import { buildVertical, examplePlatform } from './testing'

// The compliance bundle of every vertical of the example: a change to a template or builder shows up
// as a reviewable diff of these golden files.
describeGolden({
  bundle: 'compliance',
  build: () => {
    const platform = examplePlatform()
    return Object.keys(platform.verticals).flatMap((name) => buildVertical(platform, name))
  },
})
