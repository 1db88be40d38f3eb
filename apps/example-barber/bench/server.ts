import { createApp } from '../src/app'
import { settingsFromEnv } from '../src/settings'

// The service under load, in its own process so autocannon does not share its event loop.
// `--baseline` runs the same handlers without the SDK's middleware, consent checks and cache.
const baseline = process.argv.includes('--baseline')
const app = await createApp(settingsFromEnv(), { sdk: !baseline, logLevel: 'warn' })
process.stdout.write(`${JSON.stringify({ port: app.port })}\n`)
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)))
