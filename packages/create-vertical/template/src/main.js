import { createApp } from './app.js'
import { settingsFromEnv } from './settings.js'

// `npm start`: PORT, DATABASE_URL, REDIS_URL (and DB_SCHEMA, REDIS_PREFIX, DRAIN_TIMEOUT_MS);
// migrations run at start; SIGTERM drains in-flight requests and closes the pools.
const app = await createApp(settingsFromEnv())
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
