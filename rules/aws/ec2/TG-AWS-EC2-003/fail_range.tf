resource "aws_vpc_security_group_ingress_rule" "everything" {
  security_group_id = "sg-0123456789abcdef0"
  cidr_ipv6         = "::/0"
  from_port         = 0
  to_port           = 65535
  ip_protocol       = "tcp"
}
