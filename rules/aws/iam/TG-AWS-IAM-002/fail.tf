resource "aws_iam_role_policy" "worker" {
  name = "worker"
  role = "worker"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = ["arn:aws:s3:::acme-jobs", "arn:aws:s3:::acme-jobs/*"]
    }]
  })
}
