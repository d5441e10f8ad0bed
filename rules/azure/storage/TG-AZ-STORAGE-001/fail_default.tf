resource "azurerm_storage_account" "logs" {
  name                     = "contosologs"
  resource_group_name      = "rg-ops"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_2"
}
