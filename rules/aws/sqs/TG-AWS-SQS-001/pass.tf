resource "aws_sqs_queue" "kms" {
  name                              = "orders"
  kms_master_key_id                 = aws_kms_key.orders.arn
  kms_data_key_reuse_period_seconds = 300
}

resource "aws_sqs_queue" "sse_sqs" {
  name                    = "events"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "default" {
  name = "audit"
}
