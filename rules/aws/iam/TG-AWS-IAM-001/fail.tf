resource "aws_iam_role_policy" "ci" {
  name = "ci-admin"
  role = "ci"
  policy = <<EOT
{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": ["*"],
    "Resource": "*"
  }
}
EOT
}
