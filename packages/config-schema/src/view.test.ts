import { describe, expect, it } from 'vitest'
import { argentinaText, barberText, edit, resolveText } from './testing/example'
import { readVerticalView, serializeVerticalView, verticalView } from './view'

const platform = resolveText(argentinaText())
const names = Object.keys(platform.verticals)

describe('a vertical view', () => {
  it.each(names)('of %s keeps the shared sections whole and its own vertical only', (name) => {
    const view = verticalView(platform, name)
    expect(Object.keys(view.verticals)).toEqual([name])
    expect(view.verticals[name]).toEqual(platform.verticals[name])
    expect({ ...view, verticals: platform.verticals }).toEqual(platform)
    expect(Object.isFrozen(view.verticals)).toBe(true)
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
    expect(Object.keys(JSON.parse(json))).toEqual(['apiVersion', 'kind', 'platform', 'vertical'])
    expect(json.endsWith('}\n')).toBe(true)
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
  })
})
