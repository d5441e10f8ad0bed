variable "api_token" {
  type      = string
  sensitive = true
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = aws_iam_role.orders.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "orders.zip"

  environment {
    variables = {
      TABLE_NAME         = aws_dynamodb_table.orders.name
      DB_PASSWORD_ARN    = aws_secretsmanager_secret.db.arn
      DB_PASSWORD_PARAM  = "/prod/orders/db-password"
      API_TOKEN          = var.api_token
      DB_SECRET          = "{{resolve:secretsmanager:prod/orders/db}}"
      STRIPE_SECRET_KEY  = "changeme"
      LOG_LEVEL          = "info"
    }
  }
}
