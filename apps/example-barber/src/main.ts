import { createApp } from './app'
import { settingsFromEnv } from './settings'

// The image's command: reads the deployment contract's variables (VERTICALS_*, NODE_ENV; see
// settings.ts), migrates, serves; SIGTERM and SIGINT drain in-flight requests and close the pools.
const app = await createApp(settingsFromEnv()).catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.message}` : error)
  process.exit(1)
})

let stopping = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    if (stopping) return
    stopping = true
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed:', error)
        process.exit(1)
      },
    )
  })
}
