resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_group_policy_attachment" "developers_read_only" {
  group      = aws_iam_group.developers.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_policy_attachment" "ci" {
  name       = "ci"
  roles      = ["ci-runner"]
  groups     = [aws_iam_group.developers.name]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
