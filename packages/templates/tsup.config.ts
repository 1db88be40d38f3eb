import { defineConfig } from 'tsup'
import { baseTsup } from '../../tsup.config.base.ts'

export default defineConfig({ ...baseTsup })
