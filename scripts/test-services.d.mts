/** Connection URLs of the services the integration tests use (VERTICALS_TEST_PG, VERTICALS_TEST_REDIS). */
export declare const TEST_SERVICES: { readonly pg: string; readonly redis: string }
