import { describe, expect, it } from 'vitest'
import { erasureOtherStores, postgresOf, redisOf, sharedStores, tenancyOf } from './tenancy'
import { argentinaText, barberText, edit, resolveText } from './testing/example'
import { readVerticalView, serializeVerticalView, verticalView } from './view'

const platform = resolveText(argentinaText())
const names = Object.keys(platform.verticals)

describe('a vertical view', () => {
  it.each(names)('of %s keeps the shared sections whole and its own vertical only', (name) => {
    const view = verticalView(platform, name)
    expect(Object.keys(view.verticals)).toEqual([name])
    expect(view.verticals[name]).toEqual(platform.verticals[name])
    const { placements: _placements, ...rest } = view
    expect({ ...rest, verticals: platform.verticals }).toEqual(platform)
    expect(Object.isFrozen(view.verticals)).toBe(true)
  })

  it.each(names)('of %s names every vertical’s placement: its stores and erasure, nothing more', (name) => {
    const view = verticalView(platform, name)
    expect(Object.keys(view.placements ?? {})).toEqual(names)
    for (const v of names) {
      const { enabled, platformWideErasure, dataStores } = platform.verticals[v]!
      expect(view.placements?.[v]).toEqual({ name: v, enabled, platformWideErasure, dataStores })
    }
  })

  // A deployed service reads only its view: it must see the same stores, members and erasure peers as
  // the generator saw in the whole platform, or it would ask no one to erase.
  it.each(names)('of %s answers every tenancy question as the whole platform does', (name) => {
    const view = verticalView(platform, name)
    expect(erasureOtherStores(view, name)).toEqual(erasureOtherStores(platform, name))
    for (const v of names) {
      expect(postgresOf(view, v)).toEqual(postgresOf(platform, v))
      expect(redisOf(view, v)).toEqual(redisOf(platform, v))
      expect(tenancyOf(view, v)).toEqual(tenancyOf(platform, v))
    }
    expect(sharedStores(view)).toEqual(sharedStores(platform))
  })

  it('does not change when another vertical changes anything but its stores and erasure', () => {
    const edited = resolveText(
      edit(argentinaText(), [['verticals', 'barber', 'displayName'], 'Barbería y peluquería']),
    )
    expect(serializeVerticalView(edited, 'psychology')).toBe(serializeVerticalView(platform, 'psychology'))
  })

  it('refuses a vertical the platform does not declare', () => {
    expect(() => verticalView(platform, 'barbr')).toThrow(
      expect.objectContaining({ code: 'VERTICAL_UNKNOWN' }),
    )
  })
})

describe('serializeVerticalView', () => {
  const text = argentinaText()

  it.each(names)('round-trips %s through readVerticalView to the same view, frozen', (name) => {
    const read = readVerticalView(serializeVerticalView(platform, name))
    expect(read).toMatchObject({ ok: true, view: { kind: 'ResolvedPlatformView', vertical: name } })
    const view = read?.ok ? read.view.platform : undefined
    expect(view).toEqual(verticalView(platform, name))
    expect(Object.isFrozen(view?.dataClasses)).toBe(true)
  })

  it('round-trips the barber-only example too', () => {
    const barber = resolveText(barberText())
    const read = readVerticalView(serializeVerticalView(barber, 'barber'))
    expect(read?.ok && read.view.platform).toEqual(verticalView(barber, 'barber'))
  })

  it('does not change when comments or layout change', () => {
    const reformatted = `# a new comment\n${text.replace(/ # [^\n"]*$/gm, '')}`
    expect(reformatted).not.toBe(text)
    for (const name of names) {
      expect(serializeVerticalView(resolveText(reformatted), name)).toBe(
        serializeVerticalView(platform, name),
      )
    }
  })

  it("changes only psychology's view when psychology's autoscaling changes", () => {
    const edited = resolveText(
      edit(text, [['verticals', 'psychology', 'workloads', 'api', 'autoscaling', 'maxReplicas'], 9]),
    )
    for (const name of names) {
      const same = serializeVerticalView(edited, name) === serializeVerticalView(platform, name)
      expect(same, name).toBe(name !== 'psychology')
    }
  })

  it('writes sorted keys, so insertion order never shows', () => {
    const json = serializeVerticalView(platform, 'barber')
    expect(Object.keys(JSON.parse(json))).toEqual([
      'apiVersion',
      'kind',
      'placements',
      'platform',
      'vertical',
    ])
    expect(json.endsWith('}\n')).toBe(true)
  })

  it.each(names)("writes %s's view as the sorted pretty JSON of the whole document", (name) => {
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
            )
          : value
    const json = serializeVerticalView(platform, name)
    const { placements, ...view } = verticalView(platform, name)
    const all = Object.values(placements ?? {})
    const document = {
      apiVersion: 'verticals/v1',
      kind: 'ResolvedPlatformView',
      vertical: name,
      platform: view,
      placements: {
        enabled: all.map((v) => v.enabled),
        name: all.map((v) => v.name),
        platformWideErasure: all.map((v) => v.platformWideErasure),
        postgres: all.map((v) => v.dataStores.postgres),
        redis: all.map((v) => v.dataStores.redis),
      },
    }
    expect(JSON.stringify(JSON.parse(json), null, 2)).toBe(JSON.stringify(sorted(document), null, 2))
    const placementsAt = json.indexOf('\n  "placements": ')
    const rest = `${json.slice(0, placementsAt)}${json.slice(json.indexOf('\n  "platform": '))}`
    const { placements: _, ...withoutPlacements } = sorted(document) as Record<string, unknown>
    // Byte for byte, but for the placements' one-line columns.
    expect(rest).toBe(`${JSON.stringify(withoutPlacements, null, 2)}\n`)
  })

  it('writes the placements as one line per field, in config order, whatever the number of verticals', () => {
    const json = serializeVerticalView(platform, 'barber')
    const start = json.indexOf('\n  "placements": {\n')
    const block = json.slice(start + 1, json.indexOf('\n  }', start) + 4).split('\n')
    expect(block).toHaveLength(7)
    expect(JSON.parse(json).placements).toEqual({
      enabled: names.map((n) => platform.verticals[n]?.enabled),
      name: names,
      platformWideErasure: names.map((n) => platform.verticals[n]?.platformWideErasure),
      postgres: names.map((n) => platform.verticals[n]?.dataStores.postgres),
      redis: names.map((n) => platform.verticals[n]?.dataStores.redis),
    })
    expect(JSON.parse(json).platform.placements).toBeUndefined()
  })
})

describe('readVerticalView', () => {
  it('leaves platform.yaml text, YAML or JSON, to parse', () => {
    expect(readVerticalView(argentinaText())).toBeUndefined()
    expect(readVerticalView('{"apiVersion":"verticals/v1","kind":"Platform"}')).toBeUndefined()
    expect(readVerticalView('{ not json')).toBeUndefined()
  })

  it('says why a view cannot be used', () => {
    const view = JSON.parse(serializeVerticalView(platform, 'barber'))
    const read = (value: unknown) => readVerticalView(JSON.stringify(value))
    expect(read({ ...view, apiVersion: 'verticals/v9' })).toEqual({
      ok: false,
      problem: 'apiVersion "verticals/v9" is not one this release reads',
    })
    expect(read({ ...view, vertical: 7 })).toEqual({ ok: false, problem: 'it names no vertical' })
    expect(read({ ...view, vertical: 'fitness' })).toEqual({
      ok: false,
      problem: 'its platform is not the view of vertical "fitness" alone',
    })
    expect(read({ ...view, platform: { ...view.platform, verticals: platform.verticals } })).toMatchObject({
      ok: false,
    })
    const columns = view.placements
    const unfit = [
      undefined,
      { ...columns, redis: columns.redis.slice(1) },
      { ...columns, enabled: columns.enabled.map(String) },
      { ...columns, name: columns.name.map(() => 'barber') },
      { ...columns, name: columns.name.map((n: string) => (n === 'barber' ? 'barbers' : n)) },
    ]
    for (const placements of unfit) {
      expect(read({ ...view, placements })).toEqual({
        ok: false,
        problem: expect.stringContaining('its placements are not five columns of one length'),
      })
    }
  })
})
