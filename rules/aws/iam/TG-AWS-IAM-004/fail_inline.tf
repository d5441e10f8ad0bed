resource "aws_iam_user_policy" "bob" {
  name = "bob-s3"
  user = "bob"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:ListBucket", Resource = "arn:aws:s3:::acme-reports" }]
  })
}
