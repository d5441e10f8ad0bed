resource "azurerm_mssql_server" "main" {
  name                          = "contoso-sql"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  version                       = "12.0"
  public_network_access_enabled = false
}
