# An ingress rule that names no source does not restrict where traffic may come from.
resource "aws_vpc_security_group_ingress_rule" "ssh_from_anywhere" {
  security_group_id = aws_security_group.admin.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
}

resource "aws_security_group" "admin" {
  name = "admin"

  ingress {
    description = "all traffic, no source named"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    self        = false
  }
}
