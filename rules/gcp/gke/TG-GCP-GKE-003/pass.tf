resource "google_container_cluster" "main" {
  name               = "example-cluster"
  location           = "europe-west1"
  initial_node_count = 1

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "10.10.0.0/16"
      display_name = "corp-vpn"
    }
    cidr_blocks {
      cidr_block   = "203.0.113.10/32"
      display_name = "ci-runner"
    }
  }
}
