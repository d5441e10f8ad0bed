resource "aws_iam_role_policy" "worker" {
  name = "worker"
  role = "worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
      Resource = "arn:aws:sqs:eu-west-1:111122223333:jobs"
    }]
  })
}
