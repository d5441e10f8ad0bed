resource "azurerm_windows_web_app" "portal" {
  name                = "contoso-portal"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.web.id
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
  }
}
