import { describe, expect, it } from 'vitest'
import { argentinaText, diagnosticsOf, edit, errorsAfter, resolveText } from '../testing/example'

const ceiling = ['dataStores', 'postgres', 'maxStorage']

describe('the storage autoscaling ceiling', () => {
  it('is optional, and accepted at least 10% above storage', () => {
    expect(errorsAfter([ceiling, undefined])).toEqual([])
    expect(errorsAfter([ceiling, '550Gi'])).toEqual([])
    expect(resolveText(edit(argentinaText(), [ceiling, '550Gi'])).dataStores.postgres.maxStorage).toBe(
      550 * 1024 ** 3,
    )
  })

  it('is refused below what RDS accepts, naming the least it would take', () => {
    const [d, ...rest] = diagnosticsOf(edit(argentinaText(), [ceiling, '105Gi']))
    expect(rest).toEqual([])
    expect(d).toMatchObject({ code: 'MIN_ABOVE_MAX', path: 'dataStores.postgres.maxStorage' })
    expect(d?.message).toBe(
      'maxStorage must be at least 10% above storage for RDS storage autoscaling: at least 110Gi',
    )
  })

  it('holds a shared store to it too, at the store’s own entry', () => {
    const shared = ['dataStores', 'shared', 'marketplace', 'postgres', 'maxStorage']
    expect(errorsAfter([shared, '540Gi'])).toEqual([
      'MIN_ABOVE_MAX dataStores.shared.marketplace.postgres.maxStorage',
    ])
    expect(errorsAfter([shared, '550Gi'])).toEqual([])
  })

  it('is refused above 64Ti', () => {
    expect(errorsAfter([ceiling, '65Ti'])).toEqual(['INVALID_VALUE dataStores.postgres.maxStorage'])
  })
})

describe('the Terraform state', () => {
  it('defaults to a bucket and key prefix named after the platform, in the primary region', () => {
    expect(resolveText(argentinaText()).terraform).toEqual({
      state: { bucket: 'turnos-terraform-state', keyPrefix: 'turnos', region: 'sa-east-1' },
    })
  })

  it('takes the bucket, prefix and region platform.yaml names', () => {
    const text = edit(argentinaText(), [
      ['terraform'],
      { state: { bucket: 'acme-tf', keyPrefix: 'prod/turnos', region: 'us-east-1' } },
    ])
    expect(resolveText(text).terraform.state).toEqual({
      bucket: 'acme-tf',
      keyPrefix: 'prod/turnos',
      region: 'us-east-1',
    })
    expect(errorsAfter([['terraform', 'state', 'bucket'], 'Not_A_Bucket'])).toEqual([
      'INVALID_VALUE terraform.state.bucket',
    ])
  })
})
