// The words of the README's "Try it" section, shared by `npm run registry` (which prints them)
// and the e2e test that follows the README literally.

/** Verdaccio's usual port, so the README can show one fixed URL. */
export const DEFAULT_PORT = 4873

/** The registry URL the README shows. */
export const README_REGISTRY_URL = `http://127.0.0.1:${DEFAULT_PORT}/`

/** What a new user types against the registry at `url`: the README shows the same lines. */
export function tryItCommands(url: string): string[] {
  return [
    `export npm_config_registry=${url}`,
    'npx create-vertical my-svc --vertical fitness',
    'cd my-svc && npm install && npm test',
  ]
}
