resource "aws_s3_bucket" "downloads" {
  bucket = "acme-downloads"
  acl    = "public-read-write"
}
