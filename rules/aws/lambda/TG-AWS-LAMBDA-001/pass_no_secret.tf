resource "aws_lambda_function" "plain" {
  function_name = "plain"
  role          = aws_iam_role.plain.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "plain.zip"

  environment {
    variables = {
      AWS_DEFAULT_REGION = "eu-west-1"
      TOKEN_TTL_SECONDS  = "3600"
      PASSWORD_MIN_LEN   = "12"
    }
  }
}

resource "aws_lambda_function" "no_env" {
  function_name = "no-env"
  role          = aws_iam_role.plain.arn
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "plain.zip"
}
