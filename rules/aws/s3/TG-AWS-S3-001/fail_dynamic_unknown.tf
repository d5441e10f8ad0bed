# Whether encryption is configured depends on a variable, but when it is, the algorithm written here is invalid.
variable "encrypt" {
  type = bool
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"

  dynamic "server_side_encryption_configuration" {
    for_each = var.encrypt ? [1] : []
    content {
      rule {
        apply_server_side_encryption_by_default {
          sse_algorithm = "AES-256"
        }
      }
    }
  }
}
