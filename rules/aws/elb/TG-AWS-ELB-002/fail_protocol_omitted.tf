resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.front.arn
  port              = 80

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.front.arn
  }
}
