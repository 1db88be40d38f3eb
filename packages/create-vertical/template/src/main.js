import { createApp } from './app.js'
import { settingsFromEnv } from './settings.js'

// The image's command: reads the deployment contract (see settings.js); migrations run at start; SIGTERM drains in-flight requests and closes the pools.
const app = await createApp(settingsFromEnv()).catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () =>
    app.close().then(
      () => process.exit(0),
      (error) => {
        console.error('shutdown failed:', error)
        process.exit(1)
      },
    ),
  )
}
