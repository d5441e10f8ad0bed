resource "azurerm_storage_account" "legacy" {
  name                     = "contosolegacy"
  resource_group_name      = "rg-legacy"
  location                 = "northeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_blob_public_access = true
}
