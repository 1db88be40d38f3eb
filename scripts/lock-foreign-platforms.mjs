// The registry this project is installed from serves native packages only for the platforms it
// runs on, so `npm install` leaves other platforms' optional binaries (biome, nx, rollup) out of
// package-lock.json, and `npm ci` then refuses the lockfile as out of sync. This adds a lock entry
// for every missing optional platform package, with the os/cpu/libc its name declares, so npm ci
// skips it here and fetches it from the public registry on a machine of that platform.
// Run after `npm install` changes the lockfile: `node scripts/lock-foreign-platforms.mjs`;
// `--check` only reports (exit 1) what is missing, for the test suite.
import { readFileSync, writeFileSync } from 'node:fs'

const OS = [
  'darwin',
  'linux',
  'win32',
  'android',
  'freebsd',
  'openbsd',
  'netbsd',
  'sunos',
  'aix',
  'openharmony',
]
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 'riscv64', 's390x', 'loong64', 'mips64el']
const ALIASES = { gnueabihf: 'arm', musleabihf: 'arm', x86_64: 'x64', i686: 'ia32' }

function platformOf(name) {
  const tokens = name.split('/').pop().split('-')
  const os = tokens.find((t) => OS.includes(t))
  const cpu = tokens.find((t) => CPU.includes(t)) ?? tokens.map((t) => ALIASES[t]).find(Boolean)
  if (!os || !cpu) return null
  const libc = tokens.some((t) => t.startsWith('musl')) ? 'musl' : os === 'linux' ? 'glibc' : undefined
  return { os: [os], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) }
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
let added = 0
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`
    if (lock.packages[nested] || lock.packages[`node_modules/${dep}`]) continue
    const platform = platformOf(dep)
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue
    lock.packages[`node_modules/${dep}`] = {
      version: spec,
      ...platform,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
    }
    added++
  }
}
if (process.argv.includes('--check')) {
  if (added > 0) {
    console.error(
      `package-lock.json lacks ${added} foreign-platform optional packages, so npm ci would refuse it: run node scripts/lock-foreign-platforms.mjs`,
    )
    process.exit(1)
  }
  process.exit(0)
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
)
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`)
console.log(`package-lock.json: ${added} foreign-platform optional packages recorded`)
