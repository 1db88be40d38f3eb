import { isNpmCommandError, type NpmCommandError } from '../../npm/npm-client'
import { type CommandIo, printJson, println } from '../io'

/** What to do about a failed npm command, by npm's error code. */
function hint(error: NpmCommandError, registry: string | undefined): string {
  const where = registry ? ` --registry ${registry}` : ''
  switch (error.npmCode) {
    case 'E401':
    case 'ENEEDAUTH':
      return `log in (npm login${where}) or give .npmrc an _authToken for that registry; verticals uses your npm credentials.`
    case 'E403':
      return 'your token may not publish this name: check the scope, or pass --access public for a public scoped package.'
    case 'E404':
      return 'no such package or version in that registry: check the name, the version and --registry.'
    case 'ENOENT':
      return 'npm is not on the PATH; install Node.js with npm.'
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return 'the registry did not answer: check the --registry URL and the network.'
    default:
      return 'run the npm command above by hand to see its full output.'
  }
}

/**
 * Runs a registry command; a failed npm command (credentials, network, registry) is reported with a
 * hint and exit 2, like an S3 failure. PlatformErrors (refusals, integrity) go on to the CLI (exit 1).
 */
export async function reportRegistryFailures(
  io: Required<CommandIo>,
  options: { json: boolean; registry?: string },
  run: () => Promise<number>,
): Promise<number> {
  try {
    return await run()
  } catch (error) {
    if (!isNpmCommandError(error)) throw error
    const text = hint(error, options.registry)
    println(io.stderr, `verticals: ${error.message}`)
    println(io.stderr, `hint: ${text}`)
    if (options.json) {
      const body = {
        code: 'REGISTRY_UNAVAILABLE',
        npmCode: error.npmCode ?? null,
        message: error.message,
        hint: text,
      }
      printJson(io.stdout, { error: body })
    }
    return 2
  }
}
