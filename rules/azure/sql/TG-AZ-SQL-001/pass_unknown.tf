variable "allowed_end" {
  type = string
}

resource "azurerm_mysql_firewall_rule" "range" {
  name                = "range"
  resource_group_name = "rg-data"
  server_name         = "contoso-mysql"
  start_ip_address    = "0.0.0.0"
  end_ip_address      = var.allowed_end
}
