resource "aws_s3_bucket_public_access_block" "reports" {
  bucket            = "acme-reports"
  block_public_acls = true
}
