resource "azurerm_app_service" "shop" {
  name                = "contoso-shop"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = azurerm_app_service_plan.web.id

  site_config {
    min_tls_version = "1.2"
  }
}
