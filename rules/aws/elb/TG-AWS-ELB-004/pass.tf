resource "aws_lb" "front" {
  name                       = "front"
  load_balancer_type         = "application"
  subnets                    = var.public_subnets
  drop_invalid_header_fields = true
}

resource "aws_lb" "nlb" {
  name               = "nlb"
  load_balancer_type = "network"
  subnets            = var.public_subnets
}
