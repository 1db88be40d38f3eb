// The `@verticals/core/s3` entry: the anchor sink on S3 with Object Lock. Kept apart from the main
// entry so a service that anchors elsewhere never loads the AWS SDK (an optional peer dependency).
export { type S3AnchorSinkOptions, s3AnchorSink } from './s3/anchor-sink'
