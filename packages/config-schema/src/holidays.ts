import type { Jurisdiction } from './jurisdictions'

// National public holidays, kept as data with their source and the years they cover. A business-day
// deadline skips them in the jurisdiction's own time zone. Outside `years` only weekends are skipped,
// which makes a deadline earlier, never later, than the law's; add dates with `holidays` in platform.yaml.
// Only holidays that close the whole country count: Argentina's "días no laborables" and Brazil's "pontos
// facultativos" (Carnival, Corpus Christi) are left out, as they do not stop the deadline for everyone.

/** A jurisdiction's working calendar: where its days begin and end, and the days that do not count. */
export interface Calendar {
  readonly timeZone: string
  readonly holidays: readonly string[]
  /** The first and last year the shipped holidays cover. */
  readonly years: readonly [number, number]
  readonly source: string
}

export const CALENDARS: Readonly<Record<Jurisdiction, Calendar>> = {
  AR: {
    timeZone: 'America/Argentina/Buenos_Aires',
    years: [2026, 2026],
    source:
      'Ley 27.399 (feriados nacionales; trasladables moved to Monday by its art. 6), as it applies to 2026',
    holidays: [
      '2026-01-01', // Año Nuevo
      '2026-02-16', // Carnaval
      '2026-02-17', // Carnaval
      '2026-03-24', // Día Nacional de la Memoria por la Verdad y la Justicia
      '2026-04-02', // Día del Veterano y de los Caídos en la Guerra de Malvinas
      '2026-04-03', // Viernes Santo
      '2026-05-01', // Día del Trabajador
      '2026-05-25', // Revolución de Mayo
      '2026-06-15', // Paso a la Inmortalidad del Gral. Güemes (17 June, moved to Monday)
      '2026-06-20', // Paso a la Inmortalidad del Gral. Belgrano
      '2026-07-09', // Día de la Independencia
      '2026-08-17', // Paso a la Inmortalidad del Gral. San Martín
      '2026-10-12', // Día del Respeto a la Diversidad Cultural
      '2026-11-23', // Día de la Soberanía Nacional (20 November, moved to Monday)
      '2026-12-08', // Inmaculada Concepción de María
      '2026-12-25', // Navidad
    ],
  },
  BR: {
    timeZone: 'America/Sao_Paulo',
    years: [2026, 2026],
    source:
      'Lei 662/1949 (with Lei 10.607/2002), Lei 6.802/1980, Lei 14.759/2023, and Lei 9.093/1995 for Good Friday (a religious holiday declared by local law, observed nationwide), as they apply to 2026',
    holidays: [
      '2026-01-01', // Confraternização Universal
      '2026-04-03', // Sexta-feira Santa
      '2026-04-21', // Tiradentes
      '2026-05-01', // Dia do Trabalho
      '2026-09-07', // Independência do Brasil
      '2026-10-12', // Nossa Senhora Aparecida
      '2026-11-02', // Finados
      '2026-11-15', // Proclamação da República
      '2026-11-20', // Dia Nacional de Zumbi e da Consciência Negra
      '2026-12-25', // Natal
    ],
  },
  // GDPR deadlines run in months, not business days; Member States' holidays differ and are not shipped.
  EU: {
    timeZone: 'Europe/Brussels',
    years: [0, -1],
    source: 'none shipped (GDPR counts months)',
    holidays: [],
  },
}
