resource "aws_lambda_function" "sync" {
  function_name = "sync"
  role          = aws_iam_role.sync.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "sync.zip"

  environment {
    variables = {
      AWS_ACCESS_KEY_ID     = "AKIAIOSFODNN7EXAMPLE"
      AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
      AWS_DEFAULT_REGION    = "eu-west-1"
    }
  }
}
