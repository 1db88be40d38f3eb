import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { projectPins, workflowCheckCommand } from './scaffold.ts'

let project = ''

/** Writes a scaffold-like project with the given workflow text and package.json scripts. */
function scaffold(workflow: string, scripts: Record<string, string> = {}): void {
  mkdirSync(join(project, '.github', 'workflows'), { recursive: true })
  writeFileSync(join(project, '.github', 'workflows', 'platform.yml'), workflow)
  const manifest = {
    scripts,
    dependencies: { '@verticals/core': '0.1.0' },
    devDependencies: { vitest: '4.1.12' },
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest))
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'scaffold-'))
})

afterEach(() => {
  rmSync(project, { recursive: true, force: true })
})

describe('workflowCheckCommand', () => {
  it('takes the verticals check step of the workflow', () => {
    scaffold('steps:\n  - run: npm ci\n  - run: npx verticals check platform.yaml --out bundle\n')
    expect(workflowCheckCommand(project)).toBe('npx verticals check platform.yaml --out bundle')
  })

  it('follows an npm script that runs verticals check', () => {
    scaffold('steps:\n  - run: npm test\n  - run: npm run check:bundle\n', {
      'check:bundle': 'verticals check platform.yaml --out bundle',
    })
    expect(workflowCheckCommand(project)).toBe('npm run check:bundle')
  })

  it('fails when the workflow never checks the bundle', () => {
    scaffold('steps:\n  - run: npm test\n')
    expect(() => workflowCheckCommand(project)).toThrow(/never runs `verticals check`/)
  })
})

it('lists runtime and dev dependencies of a scaffolded project', () => {
  scaffold('')
  expect(projectPins(project)).toEqual({ '@verticals/core': '0.1.0', vitest: '4.1.12' })
})
