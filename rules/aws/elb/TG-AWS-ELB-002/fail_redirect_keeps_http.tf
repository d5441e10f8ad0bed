resource "aws_alb_listener" "http" {
  load_balancer_arn = aws_alb.front.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      host        = "www.example.com"
      status_code = "HTTP_302"
    }
  }
}
