import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

// Split chunks so validators and their tools load only when validateArtifacts() asks for them.
export default defineConfig({ ...baseTsup, splitting: true })
