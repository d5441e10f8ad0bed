resource "aws_db_instance" "orders" {
  identifier              = "acme-${var.environment}-orders"
  engine                  = "postgres"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  username                = "orders"
  manage_master_user_password = true
  storage_encrypted       = false
  backup_retention_period = 7
  # tollgate:exception TG-AWS-RDS-002 owner=@acme/data expires=2027-02-28 reason="reachable only through the VPN; removed with the migration"
  publicly_accessible     = true
}
