resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-contoso"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "contoso"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v3"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }

  role_based_access_control {
    enabled = false
  }
}
