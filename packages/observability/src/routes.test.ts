import { describe, expect, it } from 'vitest'
import { NOT_FOUND_ROUTE, OTHER_ROUTE, RouteTemplater } from './routes'

describe('RouteTemplater', () => {
  it('matches declared templates with parameters and tails', () => {
    const t = new RouteTemplater(['/bookings/:id', '/files/*', '/'])
    expect(t.template('/bookings/42?x=1', 200)).toBe('/bookings/:id')
    expect(t.template('/files/a/b/c', 200)).toBe('/files/*')
    expect(t.template('/', 200)).toBe('/')
    expect(t.template('/bookings/42/extra', 404)).toBe(NOT_FOUND_ROUTE)
  })

  it('derives templates from unknown paths without ids, e-mails or tokens', () => {
    const t = new RouteTemplater()
    expect(t.template('/providers/123/slots', 200)).toBe('/providers/:param/slots')
    expect(t.template('/users/ana@example.com', 200)).toBe('/users/:param')
    expect(t.template('/a/b/c/d/e', 200)).toBe('/a/b/c/*')
  })

  it('bounds the number of derived templates', () => {
    const t = new RouteTemplater()
    const labels = new Set<string>()
    for (let i = 0; i < 500; i++)
      labels.add(
        t.template(
          `/${'abcdefghijklmnopqrstuvwx'.slice(0, 1 + (i % 23))}${'yz'[i % 2]}/${String.fromCharCode(97 + (i % 26))}`,
          200,
        ),
      )
    expect(labels.size).toBeLessThanOrEqual(101)
    expect(labels.has(OTHER_ROUTE)).toBe(true)
  })
})
