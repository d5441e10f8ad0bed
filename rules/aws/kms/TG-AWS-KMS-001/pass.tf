resource "aws_kms_key" "data" {
  description             = "application data"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_kms_key" "signing" {
  description              = "release signing (asymmetric keys cannot rotate)"
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}
