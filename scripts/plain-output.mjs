// Runs a command and, unless its output goes to a terminal that wants colour, removes the ANSI
// escape codes from it. nx forces colour on the tasks it runs and replays cached output with the
// codes it was recorded with, so only stripping keeps logs and pipes plain (NO_COLOR is honoured).
// Usage: node scripts/plain-output.mjs <command> [args...]
import { spawn } from 'node:child_process'
import { stripVTControlCharacters } from 'node:util'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: node scripts/plain-output.mjs <command> [args...]')
  process.exit(2)
}
const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== ''
const plain = noColor || !process.stdout.isTTY
const child = spawn(command, args, { stdio: plain ? ['inherit', 'pipe', 'pipe'] : 'inherit' })
if (plain) {
  // Chunks may split an escape sequence; strip whole lines only.
  const relay = (from, to) => {
    let pending = ''
    from.setEncoding('utf8')
    from.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n')
      pending = lines.pop() ?? ''
      if (lines.length > 0) to.write(`${stripVTControlCharacters(lines.join('\n'))}\n`)
    })
    from.on('end', () => pending && to.write(stripVTControlCharacters(pending)))
  }
  relay(child.stdout, process.stdout)
  relay(child.stderr, process.stderr)
}
child.on('error', (error) => {
  console.error(`${command}: ${error.message}`)
  process.exit(127)
})
child.on('close', (code, signal) => {
  if (signal) process.kill(process.pid, signal)
  else process.exitCode = code ?? 1
})
