resource "azurerm_kubernetes_cluster" "main" {
  name                              = "aks-contoso"
  location                          = "westeurope"
  resource_group_name               = "rg-aks"
  dns_prefix                        = "contoso"
  role_based_access_control_enabled = true

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D2s_v5"
    node_count = 3
  }

  identity {
    type = "SystemAssigned"
  }
}
