export { type FetchOptions, type FetchResult, fetchBundle } from './fetch-bundle'
