resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = aws_iam_role.orders.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "orders.zip"

  environment {
    variables = {
      TABLE_NAME  = aws_dynamodb_table.orders.name
      DB_PASSWORD = "Tr0ub4dor&3-orders"
    }
  }
}
