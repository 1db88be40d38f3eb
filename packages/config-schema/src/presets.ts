import type * as z from 'zod'
import type { dataClassSchema, purposeSchema } from './schema/data'
import type { PresetName } from './schema/verticals'

type DataClassDefinition = z.output<typeof dataClassSchema>
type PurposeDefinition = Omit<z.output<typeof purposeSchema>, 'validity' | 'reconsentOnTextChange'> & {
  validity?: number
  reconsentOnTextChange?: boolean
}

/** What a preset contributes: the vertical's defaults, and catalog entries a platform.yaml may redefine. */
export interface VerticalPreset {
  readonly description: string
  readonly dataClasses: readonly string[]
  readonly purposes: readonly string[]
  readonly objectStorage: boolean
  readonly socialIntegrations: readonly string[]
  /** Categories of data subjects, for the records of processing. */
  readonly dataSubjects: readonly string[]
  readonly dpiaRequired: boolean
  readonly notes: readonly string[]
  /** Catalog entries used when platform.yaml does not define a class of the same name. */
  readonly catalog: {
    readonly dataClasses: Readonly<Record<string, DataClassDefinition>>
    readonly purposes: Readonly<Record<string, PurposeDefinition>>
    /** Cache TTLs (seconds) used when cache.ttl does not name the class. */
    readonly cacheTtl: Readonly<Record<string, number>>
  }
}

const DAY = 86_400
const MONTH = 30 * DAY

const baseline = {
  dataClasses: {
    'static-assets': {
      category: 'system.operations',
      description: 'Images, scripts and styles served to every visitor',
      fields: [],
      storage: ['cdn'],
    },
    'api-responses': {
      category: 'system.operations',
      description: 'Public catalogue responses (providers, services, prices)',
      fields: [],
      storage: ['redis'],
    },
    'user-profiles': {
      category: 'user.contact',
      description: 'Name, e-mail and phone of clients and providers',
      fields: ['name', 'email', 'phone'],
      storage: ['postgres', 'redis'],
    },
    bookings: {
      category: 'user.behavior',
      description: 'Appointments: who booked which provider and when',
      fields: [],
      storage: ['postgres'],
      recordClass: 'bookings',
    },
    payments: {
      category: 'user.financial',
      description: 'Payment references and amounts (card data stays with the payment provider)',
      fields: ['cardLast4', 'payerDocument'],
      storage: ['postgres'],
      recordClass: 'financial',
    },
  },
  purposes: {
    booking: {
      description: 'Arrange and manage appointments with providers',
      legalBasis: 'contract',
      explicit: false,
      dataClasses: ['user-profiles', 'bookings', 'payments'],
    },
    marketing: {
      description: 'Send offers and reminders by e-mail or SMS',
      legalBasis: 'consent',
      explicit: false,
      validity: 12 * MONTH,
      dataClasses: ['user-profiles'],
    },
  },
  cacheTtl: { 'static-assets': 30 * DAY, 'api-responses': 600, 'user-profiles': 7200 },
} as const satisfies VerticalPreset['catalog']

const baseClasses = ['static-assets', 'api-responses', 'user-profiles', 'bookings', 'payments']

/** The four verticals the platform knows, and what differs between them. */
export const PRESETS: Readonly<Record<PresetName, VerticalPreset>> = {
  barber: {
    description: 'Barbershops: the baseline booking vertical',
    dataClasses: baseClasses,
    purposes: ['booking', 'marketing'],
    objectStorage: false,
    socialIntegrations: [],
    dataSubjects: ['clients booking appointments', 'barbers (providers)', 'marketing contacts who opted in'],
    dpiaRequired: false,
    notes: [],
    catalog: baseline,
  },
  psychology: {
    description: 'Psychologists: sessions produce health data, a special category',
    dataClasses: [...baseClasses, 'session-notes'],
    purposes: ['booking', 'health-care'],
    objectStorage: false,
    socialIntegrations: [],
    dataSubjects: ['patients', 'psychologists (providers)'],
    dpiaRequired: true,
    notes: [
      'Processes health data (a special category): explicit consent, renewed at the end of its validity and withdrawable at any time; session data is never cached.',
    ],
    catalog: {
      dataClasses: {
        ...baseline.dataClasses,
        'session-notes': {
          category: 'user.health',
          description: 'Clinical notes and session records',
          fields: ['sessionNotes', 'diagnosis', 'treatmentPlan'],
          storage: ['postgres'],
          recordClass: 'clinical',
        },
      },
      purposes: {
        ...baseline.purposes,
        'health-care': {
          description: 'Provide psychological care and keep its clinical record',
          legalBasis: 'consent',
          explicit: true,
          validity: 24 * MONTH,
          dataClasses: ['session-notes'],
        },
      },
      cacheTtl: { ...baseline.cacheTtl, 'session-notes': 0 },
    },
  },
  beauty: {
    description: 'Beauty salons: providers show portfolio photos and connect social accounts',
    dataClasses: [...baseClasses, 'portfolio-images'],
    purposes: ['booking', 'marketing', 'portfolio'],
    objectStorage: true,
    socialIntegrations: ['instagram', 'facebook'],
    dataSubjects: [
      'clients booking appointments',
      'beauty professionals (providers)',
      'people shown in portfolio photos',
    ],
    dpiaRequired: false,
    notes: [
      'Stores portfolio images in object storage and shares them with social networks the provider connects.',
    ],
    catalog: {
      dataClasses: {
        ...baseline.dataClasses,
        'portfolio-images': {
          category: 'user.content',
          description: 'Photos of work that providers publish, which may show clients',
          fields: ['imageKey', 'caption'],
          storage: ['object-storage', 'cdn'],
        },
      },
      purposes: {
        ...baseline.purposes,
        portfolio: {
          description: 'Publish photos of completed work, with the client’s consent',
          legalBasis: 'consent',
          explicit: false,
          validity: 24 * MONTH,
          dataClasses: ['portfolio-images'],
        },
      },
      cacheTtl: baseline.cacheTtl,
    },
  },
  fitness: {
    description: 'Gyms and trainers: wearables and check-ins produce biometric data',
    dataClasses: [...baseClasses, 'biometric-measurements'],
    purposes: ['booking', 'marketing', 'training'],
    objectStorage: false,
    socialIntegrations: [],
    dataSubjects: ['gym members', 'trainers (providers)'],
    dpiaRequired: true,
    notes: [
      'Processes biometric data, a special category under LGPD art. 5 II and GDPR art. 9; Ley 25.326 does not list it among sensitive data, and the platform treats it as special anyway.',
    ],
    catalog: {
      dataClasses: {
        ...baseline.dataClasses,
        'biometric-measurements': {
          category: 'user.biometrics',
          description: 'Heart rate, body composition and fingerprint check-ins',
          fields: ['heartRate', 'bodyComposition', 'fingerprintTemplate'],
          storage: ['postgres'],
          recordClass: 'clinical',
        },
      },
      purposes: {
        ...baseline.purposes,
        training: {
          description: 'Plan and track training from biometric measurements',
          legalBasis: 'consent',
          explicit: true,
          validity: 24 * MONTH,
          dataClasses: ['biometric-measurements'],
        },
      },
      cacheTtl: { ...baseline.cacheTtl, 'biometric-measurements': 0 },
    },
  },
}

/** Default workloads of every preset: one HTTP service. */
export const DEFAULT_WORKLOADS = { api: { kind: 'http' as const } }
