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

  addon_profile {
    kube_dashboard {
      enabled = true
    }
  }
}
