// Kubernetes resource quantities from the resolved config's plain numbers.

const BINARY_UNITS: [string, number][] = [
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
]

/** Millicores as a CPU quantity: 500 -> "500m". */
export function cpuQuantity(millicores: number): string {
  return `${millicores}m`
}

/** Bytes as a memory quantity in the largest binary unit that divides them: 1073741824 -> "1Gi". */
export function memoryQuantity(bytes: number): string {
  for (const [unit, size] of BINARY_UNITS)
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`
  return String(bytes)
}

/** Bytes as whole gibibytes, rounded up (RDS `allocated_storage` is in GiB). */
export function gibibytes(bytes: number): number {
  return Math.ceil(bytes / 2 ** 30)
}

/** Seconds as whole days, rounded up (AWS retention settings count days). */
export function days(seconds: number): number {
  return Math.ceil(seconds / 86_400)
}
