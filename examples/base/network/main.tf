resource "aws_security_group" "web" {
  name        = "web"
  description = "HTTPS from anywhere"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
