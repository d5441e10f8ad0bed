resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:GetItem"]
        Resource = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders"
      },
      {
        Effect   = "Allow"
        Action   = ["cloudwatch:PutMetricData", "ec2:DescribeInstances"]
        Resource = "*"
      }
    ]
  })
}
