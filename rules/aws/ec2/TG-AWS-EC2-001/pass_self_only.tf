# Members of the group may reach each other on 22; nothing else may.
resource "aws_security_group" "cluster" {
  name = "cluster"

  ingress {
    from_port = 22
    to_port   = 22
    protocol  = "tcp"
    self      = true
  }
}

resource "aws_security_group_rule" "from_bastion" {
  type                     = "ingress"
  security_group_id        = aws_security_group.cluster.id
  source_security_group_id = "sg-0123456789abcdef0"
  from_port                = 22
  to_port                  = 22
  protocol                 = "tcp"
}
