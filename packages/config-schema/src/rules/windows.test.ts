import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter } from '../testing/example'

describe('windows', () => {
  it('refuse business hours that end before they start', () => {
    const [d] = diagnosticsOf(
      edit(argentinaText(), [['compute', 'schedule', 'businessHours', 'end'], '08:00']),
    )
    expect(d).toMatchObject({ code: 'SCHEDULE', path: 'compute.schedule.businessHours' })
    expect(d?.message).toBe('the window 09:00-08:00 ends before it starts (windows may not cross midnight)')
  })

  it('refuse an empty peak and a maintenance window that crosses midnight', () => {
    expect(errorsAfter([['compute', 'schedule', 'peaks', 1, 'end'], '17:00'])).toEqual([
      'SCHEDULE compute.schedule.peaks[1]',
    ])
    expect(errorsAfter([['maintenance', 'windows', 'primary', 'start'], '23:00'])).toEqual([
      'SCHEDULE maintenance.windows.primary',
    ])
  })

  it('accept a window that ends at 24:00', () => {
    expect(errorsAfter([['maintenance', 'windows', 'primary', 'end'], '24:00'])).toEqual([])
  })
})
