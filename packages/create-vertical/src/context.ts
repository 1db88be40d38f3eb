import type { GenerateResult } from '@verticals/generator'
import type { ScaffoldOptions } from './options'
import type { Prompter } from './prompts'
import type { ScaffoldRecord } from './record'

/** Where the scaffolder reads and writes: injectable so tests and callers choose. */
export interface ScaffoldIo {
  /** Directory the target is relative to (default process.cwd()). */
  cwd: string
  /** Results: the file list, the diff, the next steps. */
  stdout: (text: string) => void
  /** Progress and warnings. */
  stderr: (text: string) => void
  /** How missing answers are obtained (noPrompts without a terminal or with --yes). */
  prompter: Prompter
  /** True when questions can be asked: optional answers (name, region) are asked, not defaulted. */
  interactive: boolean
}

/** The rendered project, in memory: template files plus the generated bundle. */
export interface Project {
  /** Project files other than the bundle, by `/`-separated path. */
  files: Map<string, string>
  /** The bundle, generated from the project's platform.yaml; none when an upgrade left it in conflict. */
  bundle: GenerateResult | undefined
  /** Every path the project holds, bundle files under `bundle/`, sorted. */
  paths: string[]
}

/** What the pipeline knows so far; each step fills in its part. */
export interface Context extends ScaffoldIo {
  options: ScaffoldOptions
  /** The template project to copy (default: the one shipped in the package). */
  templateDir?: string
  dir: string
  /** Absolute target directory. */
  target: string
  vertical: string
  name: string
  region: string
  /** `git-only`: the directory holds nothing but `.git` (after `git init`), treated as empty. */
  targetState: 'missing' | 'empty' | 'git-only' | 'non-empty'
  project: Project
  /** What the scaffold in the target says about itself (`.create-vertical.json`), if anything. */
  record?: ScaffoldRecord
  /** Set when the run merges an upgrade into an existing scaffold. */
  upgrade?: UpgradeOutcome
}

/** How an upgrade went: the version it came from, files left with conflict markers, and notes. */
export interface UpgradeOutcome {
  from: string
  conflicts: string[]
  notes: string[]
}

/** The bundle directory inside a scaffolded project. */
export const BUNDLE_DIR = 'bundle'
