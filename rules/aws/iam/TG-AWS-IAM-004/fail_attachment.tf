resource "aws_iam_policy_attachment" "ops" {
  name       = "ops"
  users      = ["bob", "carol"]
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2FullAccess"
}
