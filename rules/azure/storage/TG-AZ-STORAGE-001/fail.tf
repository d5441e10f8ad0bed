resource "azurerm_storage_account" "assets" {
  name                     = "contosoassets"
  resource_group_name      = "rg-web"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"

  allow_nested_items_to_be_public = true
}
