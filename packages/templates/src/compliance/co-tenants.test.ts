import { describe, expect, test } from 'vitest'
import { dataMapSchema } from './schemas'
import { artifactAt, buildVertical, examplePlatform } from './testing'

// The example shares one PostgreSQL (marketplace) between barber and beauty; psychology and fitness
// keep their own. The documents of the members say how an erasure reaches the other member; the
// others' say nothing of co-tenants.

const platform = examplePlatform()
const content = (vertical: string, file: string) =>
  artifactAt(buildVertical(platform, vertical), `${vertical}/${file}`).content

describe('co-tenants of a shared PostgreSQL store in the compliance documents', () => {
  test.each<[string, string[]]>([
    ['barber', ['beauty']],
    ['beauty', ['barber']],
    ['psychology', []],
    ['fitness', []],
  ])('%s: data-map.json names the members an erasure is carried across', (name, members) => {
    const map = dataMapSchema.parse(JSON.parse(content(name, 'compliance/data-map.json')))
    expect(map.dataStores.postgres.erasesWith).toEqual(members)
  })

  test('dsr.md of a member says the other member is asked and closes only with its report', () => {
    const dsr = content('barber', 'compliance/dsr.md')
    expect(dsr).toContain("The data of beauty is in this vertical's shared PostgreSQL store")
    expect(dsr).toContain('`request_erasure`')
    expect(dsr).toContain('closed only once every one of them has reported')
    expect(content('psychology', 'compliance/dsr.md')).not.toContain('request_erasure')
  })

  test('the DR runbook of a member has the other member replay its own erasures', () => {
    const runbook = content('beauty', 'runbooks/disaster-recovery.md')
    expect(runbook).toContain(
      "Restoring the shared PostgreSQL store rolls back barber too: run each one's own `replayErasures({ since })` as well.",
    )
    expect(content('fitness', 'runbooks/disaster-recovery.md')).not.toContain(
      'Restoring the shared PostgreSQL',
    )
  })
})
