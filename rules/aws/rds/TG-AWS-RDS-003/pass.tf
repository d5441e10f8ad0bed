resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t4g.medium"
  allocated_storage           = 50
  storage_encrypted           = true
  backup_retention_period     = 14
  username                    = "orders"
  manage_master_user_password = true
}

resource "aws_db_instance" "orders_replica" {
  identifier              = "orders-replica"
  replicate_source_db     = aws_db_instance.orders.identifier
  instance_class          = "db.t4g.medium"
  backup_retention_period = 0
}
