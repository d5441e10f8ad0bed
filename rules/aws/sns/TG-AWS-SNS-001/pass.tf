resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.alerts.id
}

resource "aws_sns_topic" "aws_managed" {
  name              = "events"
  kms_master_key_id = "alias/aws/sns"
}
