resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "acme-cloudtrail"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
}
