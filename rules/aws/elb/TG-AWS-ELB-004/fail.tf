resource "aws_lb" "front" {
  name    = "front"
  subnets = var.public_subnets
}
