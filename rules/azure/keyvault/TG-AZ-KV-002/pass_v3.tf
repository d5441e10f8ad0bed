resource "azurerm_key_vault" "app" {
  name                       = "kv-contoso-app"
  location                   = "westeurope"
  resource_group_name        = "rg-app"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  soft_delete_retention_days = 30
  purge_protection_enabled   = true
}
