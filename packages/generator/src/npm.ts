// The `@verticals/generator/npm` entry: pack each vertical's bundle as an npm package, publish it to
// a registry and verify an installed one. It loads neither the AWS SDK nor the database clients.

export * from './npm/index'
