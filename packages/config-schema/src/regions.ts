// AWS regions and the country that hosts each: the country decides which law applies to data stored there.
export const AWS_REGION_COUNTRIES: Readonly<Record<string, string>> = {
  'af-south-1': 'ZA',
  'ap-east-1': 'HK',
  'ap-northeast-1': 'JP',
  'ap-northeast-2': 'KR',
  'ap-northeast-3': 'JP',
  'ap-south-1': 'IN',
  'ap-southeast-1': 'SG',
  'ap-southeast-2': 'AU',
  'ca-central-1': 'CA',
  'eu-central-1': 'DE',
  'eu-north-1': 'SE',
  'eu-south-1': 'IT',
  'eu-west-1': 'IE',
  'eu-west-2': 'GB',
  'eu-west-3': 'FR',
  'me-south-1': 'BH',
  'mx-central-1': 'MX',
  'sa-east-1': 'BR',
  'us-east-1': 'US',
  'us-east-2': 'US',
  'us-west-1': 'US',
  'us-west-2': 'US',
}

export const AWS_REGIONS = Object.keys(AWS_REGION_COUNTRIES)
