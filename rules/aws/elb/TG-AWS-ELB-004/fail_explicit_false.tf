resource "aws_alb" "front" {
  name                       = "front"
  load_balancer_type         = "application"
  subnets                    = var.public_subnets
  drop_invalid_header_fields = false
}
