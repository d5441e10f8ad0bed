resource "azurerm_sql_firewall_rule" "office" {
  name                = "office"
  resource_group_name = "rg-data"
  server_name         = "contoso-sql"
  start_ip_address    = "203.0.113.0"
  end_ip_address      = "203.0.113.255"
}
