resource "aws_s3_bucket" "site" {
  bucket = "acme-site"

  logging {
    target_bucket = "acme-access-logs"
    target_prefix = "site/"
  }
}
